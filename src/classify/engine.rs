//! The matching engine: one Aho–Corasick pass over the title finds every
//! keyword of every rule; rules are then checked in priority order using
//! those hits only (no per-rule scan of the title).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::rules::RulePack;
use super::taxonomy::OTHER;
use super::words::Words;
use crate::model::Verdict;

/// The id given to the fallback decision when no rule matches.
pub const NO_RULE: &str = "fallback.other";

/// How strongly an area keyword decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Dominant = 0,
    Normal = 1,
    Weak = 2,
}

#[derive(Debug, Default)]
struct Compiled {
    /// The rule's category and id, as a verdict shares them.
    category: Arc<str>,
    id: Arc<str>,
    /// Pattern ids per rule and role (`title_none` is kept as the
    /// classifier's `none_refs`).
    any: Vec<u32>,
    all: Vec<u32>,
    col_any: Vec<u32>,
    col_none: Vec<u32>,
    url_any: Vec<u32>,
    /// Title suffixes (folded), each with its last character, compared
    /// first.
    suffix: Vec<(char, String)>,
    /// Endings the title must not have (folded).
    suffix_none: Vec<String>,
    /// The fewest characters the title's stem may have (0: any).
    min_chars: usize,
}

/// A compiled rule pack, ready to classify.
#[derive(Debug)]
pub struct Classifier {
    pack: RulePack,
    title_ac: Words,
    /// For each title pattern, the key area it names and its marks.
    title_info: Vec<PatternInfo>,
    /// For each title pattern, two bit sets over rule indices of `words`
    /// words each, one after the other: the rules it can trigger (as a
    /// `title_any` or `title_all` word), then the rules whose `title_none`
    /// holds it. A hit is merged into a title's sets word by word, with no
    /// loop whose length depends on the word: on real titles such loops'
    /// exits were mispredicted often enough to cost a tenth of the time
    /// (125 KB for the default pack's 3 900 words and 128 rules).
    masks: Vec<u64>,
    /// For each title pattern: how a verdict shows it.
    title_shown: Vec<Shown>,
    col_ac: Words,
    col_shown: Vec<Shown>,
    /// For each column pattern: the first key area it names.
    col_area: Vec<Option<u16>>,
    /// For each URL pattern: the first key area it names.
    url_area: Vec<Option<u16>>,
    url_ac: Words,
    url_shown: Vec<Shown>,
    rules: Vec<Compiled>,
    /// Tells this classifier from any other, for the column a scratch keeps
    /// (an address can be reused once a classifier is dropped).
    serial: u64,
    /// Each key area's id and the fallback's category and rule id, as a
    /// verdict shares them.
    area_id: Vec<Arc<str>>,
    other: (Arc<str>, Arc<str>),
    /// Rules with no title keyword to trigger them (column- or URL-only), as
    /// a bit set over rule indices.
    always: Vec<u64>,
}

/// How a verdict shows a pattern: as a word of the deciding rule
/// (`栏目:…` for a column pattern) and as the word that named the key area
/// (`领域:…`).
#[derive(Debug)]
struct Shown {
    word: Arc<str>,
    area: Arc<str>,
}

impl Shown {
    fn all(patterns: &[String], prefix: &str) -> Vec<Self> {
        patterns
            .iter()
            .map(|p| Self {
                word: [prefix, p].concat().into(),
                area: ["领域:", prefix, p].concat().into(),
            })
            .collect()
    }
}

/// What the classifier knows of a title pattern besides the rules it
/// concerns (in `masks`).
#[derive(Debug, Clone, Copy)]
struct PatternInfo {
    /// The first key area it names, with its tier.
    area: Option<(u16, Tier)>,
    /// What it says of the title's key area.
    marks: Marks,
}

impl Classifier {
    /// The rules a title pattern can trigger and those whose `title_none`
    /// holds it, as bit sets over rule indices.
    fn refs_of(&self, p: u32) -> (&[u64], &[u64]) {
        // Every rule set has as many words as `always`.
        let w = self.always.len();
        self.masks[p as usize * 2 * w..][..2 * w].split_at(w)
    }
}

/// What a title pattern says of the title's key area, beyond the areas it
/// names itself.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    /// An area stopword: no area keyword counts inside it.
    stop: bool,
    /// The title has no key area.
    no_area: bool,
    /// The title is a reply to a deputy's suggestion or a proposal…
    reply: bool,
    /// …in which this department name is the one replying: a stopword there.
    issuer: bool,
    /// The title is news of a unit's internal life, in which the unit's
    /// name is a stopword too.
    internal: bool,
}

/// Reusable scratch space for classification (no allocation per title).
#[derive(Debug, Default)]
pub struct Scratch {
    title_hit: Vec<bool>,
    title_list: Vec<u32>,
    col_hit: Vec<bool>,
    col_list: Vec<u32>,
    /// The column whose hits `col_hit` holds, and the classifier that found
    /// them: items of one column come together, so a column is scanned once.
    col_seen: Option<(u64, String)>,
    url_hit: Vec<bool>,
    url_list: Vec<u32>,
    /// Whether `url_hit` holds this item's URL: the URL is scanned only
    /// when a rule or the key area comes to need it.
    url_scanned: bool,
    /// The rules the title's keywords can trigger, as a bit set over rule
    /// indices (which are in priority order).
    candidates: Vec<u64>,
    /// The rules one of whose `title_none` words the title holds.
    none_hit: Vec<u64>,
    areas: Vec<(usize, usize, u16, Tier, u32)>,
    /// Spans inside which no area keyword counts; `true` for a department
    /// name, which counts only in a reply.
    stops: Vec<(usize, usize, bool)>,
    /// Spans of the words that mark a title as having no key area.
    no_areas: Vec<(usize, usize)>,
    folded: String,
}

struct Interner {
    ids: std::collections::HashMap<String, u32>,
    patterns: Vec<String>,
}

impl Interner {
    fn new() -> Self {
        Self {
            ids: std::collections::HashMap::new(),
            patterns: Vec::new(),
        }
    }
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = u32::try_from(self.patterns.len()).expect("fewer than 2^32 patterns");
        self.ids.insert(s.to_owned(), i);
        self.patterns.push(s.to_owned());
        i
    }
}

/// The word that gave an item its key area: a title pattern or a column
/// pattern (strings are made only for the verdict).
#[derive(Debug, Clone, Copy)]
enum AreaWord {
    Title(u32),
    Column(u32),
    Url(u32),
}

/// The first of `hits` that names a key area: (area, pattern).
fn first_area(hits: &[u32], areas: &[Option<u16>]) -> Option<(u16, u32)> {
    hits.iter()
        .find_map(|&p| areas[p as usize].map(|ai| (ai, p)))
}

/// Whether rule `i` is in the bit set `set`.
fn has(set: &[u64], i: u32) -> bool {
    set[(i / 64) as usize] & 1 << (i % 64) != 0
}

/// Puts rule `i` in the bit set `set`.
fn add(set: &mut [u64], i: u32) {
    set[(i / 64) as usize] |= 1 << (i % 64);
}

/// The rule indices in a bit set, lowest (highest priority) first.
fn in_order(set: &[u64]) -> InOrder<'_> {
    InOrder {
        set,
        word: 0,
        bits: set.first().copied().unwrap_or(0),
    }
}

/// The iterator of [`in_order`]: a plain walk over the set's words, with no
/// nested iterator to flatten (about 170 instructions a title fewer).
struct InOrder<'a> {
    set: &'a [u64],
    word: usize,
    /// The bits of `set[word]` not yet returned.
    bits: u64,
}

impl Iterator for InOrder<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while self.bits == 0 {
            self.word += 1;
            self.bits = *self.set.get(self.word)?;
        }
        let i = self.bits.trailing_zeros();
        self.bits &= self.bits - 1;
        Some(u32::try_from(self.word * 64).expect("rule count fits") + i)
    }
}

impl Classifier {
    /// Compiles a pack.
    #[must_use]
    pub fn new(pack: RulePack) -> Self {
        let mut title = Interner::new();
        let mut col = Interner::new();
        let mut url = Interner::new();
        let mut rules = Vec::with_capacity(pack.rules.len());
        let mut nones = Vec::with_capacity(pack.rules.len());
        let mut always = vec![0u64; pack.rules.len().div_ceil(64)];
        for (i, r) in pack.rules.iter().enumerate() {
            nones.push(r.title_none.iter().map(|k| title.id(k)).collect::<Vec<_>>());
            let c = Compiled {
                category: r.category.as_str().into(),
                id: r.id.as_str().into(),
                any: r.title_any.iter().map(|k| title.id(k)).collect(),
                all: r.title_all.iter().map(|k| title.id(k)).collect(),
                col_any: r.column_any.iter().map(|k| col.id(k)).collect(),
                col_none: r.column_none.iter().map(|k| col.id(k)).collect(),
                url_any: r.url_any.iter().map(|k| url.id(k)).collect(),
                suffix: r
                    .title_suffix
                    .iter()
                    .map(|x| fold(x))
                    .filter_map(|x| Some((x.chars().last()?, x)))
                    .collect(),
                suffix_none: r.suffix_none.iter().map(|x| fold(x)).collect(),
                min_chars: r.min_chars,
            };
            if c.any.is_empty() && c.all.is_empty() {
                add(&mut always, u32::try_from(i).expect("rule count fits"));
            }
            rules.push(c);
        }
        for w in pack
            .area_stopwords
            .iter()
            .chain(&pack.no_area)
            .chain(&pack.reply_markers)
            .chain(&pack.issuers)
            .chain(&pack.internal_markers)
        {
            title.id(w);
        }
        for a in &pack.areas {
            for k in a
                .keywords
                .iter()
                .chain(&a.dominant_keywords)
                .chain(&a.weak_keywords)
            {
                title.id(k);
            }
            for k in &a.column_keywords {
                col.id(k);
            }
            for k in &a.url_keywords {
                url.id(k);
            }
        }
        let mut title_refs = vec![Vec::new(); title.patterns.len()];
        let mut none_refs = vec![Vec::new(); title.patterns.len()];
        // Rules are pushed in index order, so each list is sorted.
        let push = |refs: &mut [Vec<u32>], p: u32, i: u32| {
            if refs[p as usize].last() != Some(&i) {
                refs[p as usize].push(i);
            }
        };
        for (i, (c, none)) in rules.iter().zip(&nones).enumerate() {
            let i = u32::try_from(i).expect("rule count fits");
            for &p in c.any.iter().chain(&c.all) {
                push(&mut title_refs, p, i);
            }
            for &p in none {
                push(&mut none_refs, p, i);
            }
        }
        // A word named by several areas counts for the first of them.
        let mut title_area = vec![None; title.patterns.len()];
        let mut col_area = vec![None; col.patterns.len()];
        let mut url_area = vec![None; url.patterns.len()];
        let mut marks = vec![Marks::default(); title.patterns.len()];
        let mut mark = |words: &[String], set: fn(&mut Marks)| {
            for w in words {
                set(&mut marks[title.ids[w] as usize]);
            }
        };
        mark(&pack.area_stopwords, |m| m.stop = true);
        mark(&pack.no_area, |m| m.no_area = true);
        mark(&pack.reply_markers, |m| m.reply = true);
        mark(&pack.issuers, |m| m.issuer = true);
        mark(&pack.internal_markers, |m| m.internal = true);
        for (ai, a) in pack.areas.iter().enumerate() {
            let ai = u16::try_from(ai).expect("area count fits");
            for (list, tier) in [
                (&a.dominant_keywords, Tier::Dominant),
                (&a.keywords, Tier::Normal),
                (&a.weak_keywords, Tier::Weak),
            ] {
                for k in list {
                    title_area[title.ids[k] as usize].get_or_insert((ai, tier));
                }
            }
            for k in &a.column_keywords {
                col_area[col.ids[k] as usize].get_or_insert(ai);
            }
            for k in &a.url_keywords {
                url_area[url.ids[k] as usize].get_or_insert(ai);
            }
        }
        let words = always.len();
        let mut masks = vec![0u64; title.patterns.len() * 2 * words];
        let mut title_info = Vec::with_capacity(title.patterns.len());
        for (p, m) in marks.iter().enumerate() {
            title_info.push(PatternInfo {
                area: title_area[p],
                marks: *m,
            });
            let (trig, nones) = masks[p * 2 * words..][..2 * words].split_at_mut(words);
            for (set, list) in [(trig, &title_refs[p]), (nones, &none_refs[p])] {
                for &ri in list {
                    add(set, ri);
                }
            }
        }
        Self {
            title_ac: Words::new(&title.patterns.iter().map(|p| fold(p)).collect::<Vec<_>>()),
            title_info,
            masks,
            title_shown: Shown::all(&title.patterns, ""),
            col_ac: Words::new(&col.patterns),
            col_shown: Shown::all(&col.patterns, "栏目:"),
            col_area,
            url_area,
            url_ac: Words::new(&url.patterns),
            url_shown: Shown::all(&url.patterns, "url:"),
            rules,
            area_id: pack.areas.iter().map(|a| a.id.as_str().into()).collect(),
            other: (OTHER.into(), NO_RULE.into()),
            always,
            serial: {
                static SERIAL: AtomicU64 = AtomicU64::new(0);
                SERIAL.fetch_add(1, Ordering::Relaxed)
            },
            pack,
        }
    }

    /// The default pack, compiled.
    #[must_use]
    pub fn builtin() -> Self {
        Self::new(RulePack::builtin())
    }

    /// The pack in use.
    #[must_use]
    pub fn pack(&self) -> &RulePack {
        &self.pack
    }

    /// Classifies one item.
    #[must_use]
    pub fn classify(&self, title: &str, column: &str, url: &str) -> Verdict {
        let mut s = Scratch::default();
        self.classify_with(&mut s, title, column, url)
    }

    /// Classifies one item using caller-owned scratch space.
    pub fn classify_with(&self, s: &mut Scratch, title: &str, column: &str, url: &str) -> Verdict {
        let (rule, area) = self.decide(s, title, column, url);
        // Room for the usual two or three words and the area's, so the list
        // is allocated once.
        let mut matched = Vec::with_capacity(4);
        let (category, rule_id) = match rule {
            Some(ri) => {
                let c = &self.rules[ri as usize];
                // The rule's words the title holds, in the order the title
                // shows them (a title has a handful of hits; a rule's list
                // can hold hundreds of words).
                for &p in &s.title_list {
                    if has(self.refs_of(p).0, ri) {
                        matched.push(Arc::clone(&self.title_shown[p as usize].word));
                    }
                }
                for &p in &c.col_any {
                    if s.col_hit[p as usize] {
                        matched.push(Arc::clone(&self.col_shown[p as usize].word));
                    }
                }
                for &p in &c.url_any {
                    if s.url_hit[p as usize] {
                        matched.push(Arc::clone(&self.url_shown[p as usize].word));
                    }
                }
                if c.min_chars > 0 {
                    // The length the rule tested: of the folded title's stem,
                    // as `decide` left the folded title in the scratch.
                    let folded = if needs_fold(title) {
                        s.folded.as_str()
                    } else {
                        title
                    };
                    let n = title_stem(folded).chars().count();
                    matched.push(format!("字数:{n}").into());
                }
                (Arc::clone(&c.category), Arc::clone(&c.id))
            }
            None => (Arc::clone(&self.other.0), Arc::clone(&self.other.1)),
        };
        let key_area = area.map(|(ai, word)| {
            matched.push(match word {
                AreaWord::Title(p) => Arc::clone(&self.title_shown[p as usize].area),
                AreaWord::Column(p) => Arc::clone(&self.col_shown[p as usize].area),
                AreaWord::Url(p) => Arc::clone(&self.url_shown[p as usize].area),
            });
            Arc::clone(&self.area_id[ai as usize])
        });
        Verdict {
            category,
            key_area,
            rule: rule_id,
            matched,
        }
    }

    /// Only the category index of the winning rule (for benchmarks and eval).
    pub fn decide_rule(
        &self,
        s: &mut Scratch,
        title: &str,
        column: &str,
        url: &str,
    ) -> Option<u32> {
        self.decide(s, title, column, url).0
    }

    fn decide(
        &self,
        s: &mut Scratch,
        title: &str,
        column: &str,
        url: &str,
    ) -> (Option<u32>, Option<(u16, AreaWord)>) {
        // Half-width punctuation (城东镇:…, …(2026年)) reads as its full-width
        // form, the one the rules are written in; the common title has none
        // and is matched as it is.
        let mut folded = std::mem::take(&mut s.folded);
        let title = if needs_fold(title) {
            fold_into(title, &mut folded);
            folded.as_str()
        } else {
            title
        };
        // The stem is needed only by rules with a suffix condition.
        let mut stem = None;
        reset(&mut s.title_hit, &mut s.title_list, self.title_shown.len());
        let me = self.serial;
        let same_column = s
            .col_seen
            .as_ref()
            .is_some_and(|(who, seen)| *who == me && seen == column);
        if !same_column {
            reset(&mut s.col_hit, &mut s.col_list, self.col_shown.len());
            self.col_ac.for_each_match(column, |p, _, _| {
                if !s.col_hit[p as usize] {
                    s.col_hit[p as usize] = true;
                    s.col_list.push(p);
                }
            });
            let (who, seen) = s.col_seen.get_or_insert_with(|| (me, String::new()));
            *who = me;
            seen.clear();
            seen.push_str(column);
        }
        reset(&mut s.url_hit, &mut s.url_list, self.url_shown.len());
        s.url_scanned = false;
        s.candidates.clear();
        s.candidates.extend_from_slice(&self.always);
        s.none_hit.clear();
        s.none_hit.resize(self.always.len(), 0);
        s.areas.clear();
        s.stops.clear();
        s.no_areas.clear();
        let (mut reply, mut internal) = (false, false);
        self.title_ac.for_each_match(title, |p, start, end| {
            if !s.title_hit[p as usize] {
                s.title_hit[p as usize] = true;
                s.title_list.push(p);
                let (rules, nones) = self.refs_of(p);
                for (bits, set) in [(&mut s.candidates, rules), (&mut s.none_hit, nones)] {
                    for (b, m) in bits.iter_mut().zip(set) {
                        *b |= m;
                    }
                }
            }
            let info = &self.title_info[p as usize];
            let m = info.marks;
            if m.stop || m.issuer {
                s.stops.push((start, end, !m.stop));
            }
            reply |= m.reply;
            if m.no_area {
                s.no_areas.push((start, end));
            }
            internal |= m.internal;
            if let Some((ai, tier)) = info.area {
                s.areas.push((start, end, ai, tier, p));
            }
        });
        // Rules are indexed in priority order: the first satisfied wins. The
        // URL rules rank low, so most titles are decided before the URL is
        // read.
        let candidates = std::mem::take(&mut s.candidates);
        let best = in_order(&candidates).find(|&ri| {
            if !self.rules[ri as usize].url_any.is_empty() {
                self.scan_url(s, url);
            }
            self.satisfied(s, ri, title, &mut stem)
        });
        s.candidates = candidates;
        // Key area: none when the title marks itself as having none (a mark
        // inside a stopword does not count: 公共资源配置领域政府信息公开 names
        // its field); otherwise dominant keywords first, then the leftmost
        // keyword (the longest on ties), then weak keywords; none inside a
        // stopword (in a reply, the replying department's name is one).
        // Whether a span lies inside a stop span; department names are stop
        // spans only with `issuers`.
        let stops = &s.stops;
        let hidden = |st: usize, en: usize, issuers: bool| {
            stops
                .iter()
                .any(|&(a, b, issuer)| (issuers || !issuer) && a <= st && en <= b)
        };
        let none = s.no_areas.iter().any(|&(st, en)| !hidden(st, en, false));
        // Department names hide area words only in a reply or in news of a
        // unit's internal life.
        let issuers_hidden = reply || internal;
        let area = if none {
            None
        } else {
            s.areas
                .iter()
                .filter(|&&(st, en, ..)| !hidden(st, en, issuers_hidden))
                .min_by_key(|(st, en, _, tier, _)| (*tier, *st, usize::MAX - (en - st)))
                .map(|&(_, _, ai, _, p)| (ai, AreaWord::Title(p)))
                // The column names the subject when the title does not, then
                // the path segment a portal gives the area's column.
                .or_else(|| {
                    first_area(&s.col_list, &self.col_area).map(|(ai, p)| (ai, AreaWord::Column(p)))
                })
                .or_else(|| {
                    self.scan_url(s, url);
                    first_area(&s.url_list, &self.url_area).map(|(ai, p)| (ai, AreaWord::Url(p)))
                })
        };
        let out = (best, area);
        s.folded = folded;
        out
    }

    /// Reads the item's URL into `s`, once per item.
    fn scan_url(&self, s: &mut Scratch, url: &str) {
        if s.url_scanned {
            return;
        }
        s.url_scanned = true;
        if url.is_empty() || self.url_shown.is_empty() {
            return;
        }
        self.url_ac.for_each_match(url, |p, _, _| {
            if !s.url_hit[p as usize] {
                s.url_hit[p as usize] = true;
                s.url_list.push(p);
            }
        });
    }

    /// Whether rule `ri` holds for `title`; `stem` caches the title's stem
    /// and its last character for the rules with a suffix condition, which
    /// are checked last.
    fn satisfied<'t>(
        &self,
        s: &Scratch,
        ri: u32,
        title: &'t str,
        stem: &mut Option<(&'t str, Option<char>)>,
    ) -> bool {
        let c = &self.rules[ri as usize];
        let mut stem_of = || {
            *stem.get_or_insert_with(|| {
                let stem = title_stem(title);
                (stem, stem.chars().last())
            })
        };
        // Only candidates are checked: a rule became one by a word of its
        // `title_any` or `title_all`, so without `title_all` its `title_any`
        // holds already.
        (c.any.is_empty() || c.all.is_empty() || c.any.iter().any(|&p| s.title_hit[p as usize]))
            && c.all.iter().all(|&p| s.title_hit[p as usize])
            && !has(&s.none_hit, ri)
            && (c.col_any.is_empty() || c.col_any.iter().any(|&p| s.col_hit[p as usize]))
            && !c.col_none.iter().any(|&p| s.col_hit[p as usize])
            && (c.url_any.is_empty() || c.url_any.iter().any(|&p| s.url_hit[p as usize]))
            && (c.suffix.is_empty() || {
                let (stem, last) = stem_of();
                c.suffix
                    .iter()
                    .any(|(c, x)| Some(*c) == last && stem.ends_with(x.as_str()))
            })
            && (c.suffix_none.is_empty() && c.min_chars == 0 || {
                let (stem, _) = stem_of();
                !c.suffix_none.iter().any(|x| stem.ends_with(x.as_str()))
                    && stem.chars().count() >= c.min_chars
            })
    }

    /// Every rule that matches a title, in priority order (for `rules explain`).
    #[must_use]
    pub fn explain(
        &self,
        title: &str,
        column: &str,
        url: &str,
    ) -> Vec<&super::rules::CategoryRule> {
        let mut s = Scratch::default();
        let _ = self.decide(&mut s, title, column, url);
        // Every rule is checked here, the URL rules too.
        self.scan_url(&mut s, url);
        let title = fold(title);
        let mut stem = None;
        in_order(&s.candidates)
            .filter(|&ri| self.satisfied(&s, ri, &title, &mut stem))
            .map(|i| &self.pack.rules[i as usize])
            .collect()
    }
}

/// ASCII punctuation that titles also carry in full width, or a space that
/// may stand between two Chinese characters.
fn needs_fold(title: &str) -> bool {
    // No early exit, so the loop runs over whole vectors of bytes. The
    // ideographic space (U+3000, bytes E3 80 80) is the only common
    // character with two 0x80 bytes in a row; the rare others (U+4000,
    // U+5000 …) are only folded for nothing. (The extractor has already
    // turned no-break and zero-width spaces into spaces.)
    let bytes = title.as_bytes();
    let ascii = bytes.iter().fold(false, |found, &b| found | folds_ascii(b));
    let wide_space = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |found, (&a, &b)| found | (a == 0x80 && b == 0x80));
    ascii | wide_space
}

/// Whether [`fold_into`] changes or may drop this ASCII byte: the
/// half-width punctuation it widens and the space.
fn folds_ascii(b: u8) -> bool {
    matches!(b, b':' | b',' | b'?' | b'!' | b';' | b'(' | b')' | b' ')
}

/// Writes `text` with ASCII punctuation in its full-width form and without
/// the spaces set between two Chinese characters (政 府 工 作 报 告, a list
/// that spaces a title out, or 乡村 振兴 broken by a line wrap).
fn fold_into(text: &str, out: &mut String) {
    // The runs between two changes are copied whole. Every byte looked for
    // is ASCII or the lead byte of U+3000, and neither occurs inside another
    // character's encoding.
    out.clear();
    let b = text.as_bytes();
    let (mut copied, mut from) = (0, 0);
    // Where the last change ended, and whether the last character kept
    // before it (the one before any dropped space) is not ASCII.
    let (mut changed, mut prev_wide) = (0, false);
    while let Some(off) = b[from..].iter().position(|&x| folds_ascii(x) || x == 0xE3) {
        let at = from + off;
        let (len, with) = match b[at] {
            b':' => (1, "："),
            b',' => (1, "，"),
            b'?' => (1, "？"),
            b'!' => (1, "！"),
            b';' => (1, "；"),
            b'(' => (1, "（"),
            b')' => (1, "）"),
            b' ' => (1, ""),
            _ if b.get(at + 1..at + 3) == Some(&[0x80, 0x80][..]) => (3, ""),
            _ => {
                // Another character led by 0xE3 (、, 。, 《 …): kept.
                from = at + 1;
                continue;
            }
        };
        if at > changed {
            // Continuation and lead bytes are 0x80 or above.
            prev_wide = b[at - 1] >= 0x80;
        }
        changed = at + len;
        from = changed;
        if with.is_empty() {
            // A space goes only between two characters that are not ASCII.
            if !(prev_wide && b.get(changed).is_some_and(|&n| n >= 0x80)) {
                prev_wide = len == 3;
                continue;
            }
        } else {
            prev_wide = false;
        }
        out.push_str(&text[copied..at]);
        out.push_str(with);
        copied = changed;
    }
    out.push_str(&text[copied..]);
}

/// `text` folded as [`fold_into`] writes it.
fn fold(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

/// The title without a marker that a list page sets after it: NEW, HOT or
/// TOP (an icon's text, with or without a space), or one character set off
/// by a space (…的通知 热, … 荐, … 图).
fn strip_marker(t: &str) -> &str {
    let letters = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let word = &t[letters.len()..];
    if ["new", "hot", "top"]
        .iter()
        .any(|m| word.eq_ignore_ascii_case(m))
        && !letters.is_empty()
        && !letters.ends_with(|c: char| c.is_ascii_alphanumeric())
    {
        return letters.trim_end();
    }
    let mut rev = t.chars().rev();
    if let (Some(c), Some(' ' | '\u{3000}')) = (rev.next(), rev.next())
        && matches!(c, '热' | '荐' | '新' | '顶' | '图' | '急')
    {
        return t[..t.len() - c.len_utf8()].trim_end();
    }
    t
}

/// The title without the file extension of an attachment listed as an item
/// (…的通知.pdf).
fn strip_extension(t: &str) -> &str {
    const EXTENSIONS: [&str; 12] = [
        ".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".et", ".zip", ".rar", ".txt",
        ".jpg",
    ];
    if !t.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return t;
    }
    let Some(dot) = t.rfind('.') else { return t };
    let ext = &t[dot..];
    if dot > 0 && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)) {
        t[..dot].trim_end()
    } else {
        t
    }
}

/// The title without a pair of brackets or quotes around all of it
/// (`[…的通知]`, `“…的报告”`, `《…办法》`).
fn strip_wrapping(t: &str) -> &str {
    if !t.starts_with(['[', '【', '“', '"', '《', '「']) {
        return t;
    }
    let mut chars = t.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return t;
    };
    let pair = matches!(
        (first, last),
        ('[', ']') | ('【', '】') | ('“', '”') | ('"', '"') | ('《', '》') | ('「', '」')
    );
    // Only when the closing mark is the one that matches the opening mark.
    let inner = &t[first.len_utf8()..t.len() - last.len_utf8()];
    if pair && !inner.contains(last) {
        inner.trim()
    } else {
        t
    }
}

/// The title without trailing white space and trailing parentheses
/// (`…行动计划（2026—2028年）` ends with 计划).
fn title_stem(title: &str) -> &str {
    let mut t = strip_wrapping(strip_extension(strip_marker(title.trim())));
    // A date left at the end by the list (…的通知 2026-05-01, …2026年5月1日,
    // …的通知 05-01).
    if t.ends_with(|c: char| c.is_ascii_digit() || c == '日') {
        let tail = t
            .trim_end_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日' | ' ' | ':')
            })
            .len();
        let date = &t[tail..];
        let digits = date.bytes().filter(u8::is_ascii_digit).count();
        let spaced_short = digits >= 4 && date.starts_with(' ') && date.contains(['-', '/']);
        if (digits >= 6 || spaced_short) && tail > 0 {
            t = strip_marker(t[..tail].trim_end());
        }
    }
    for _ in 0..2 {
        let Some(last) = t.chars().last() else { break };
        let open = match last {
            '）' => '（',
            ')' => '(',
            '】' => '【',
            ']' => '[',
            _ => break,
        };
        match t.rfind(open) {
            Some(i) if i > 0 => t = t[..i].trim_end(),
            _ => break,
        }
    }
    t
}

fn reset(hit: &mut Vec<bool>, list: &mut Vec<u32>, n: usize) {
    if hit.len() != n {
        hit.clear();
        hit.resize(n, false);
        list.clear();
        return;
    }
    for &p in list.iter() {
        hit[p as usize] = false;
    }
    list.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`fold_into`] as a character at a time: the plain statement of what
    /// it writes.
    fn fold_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut prev = ' ';
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if matches!(c, ' ' | '\u{3000}')
                && !prev.is_ascii()
                && chars.peek().is_some_and(|n| !n.is_ascii())
            {
                continue;
            }
            prev = c;
            out.push(match c {
                ':' => '：',
                ',' => '，',
                '?' => '？',
                '!' => '！',
                ';' => '；',
                '(' => '（',
                ')' => '）',
                c => c,
            });
        }
        out
    }

    #[test]
    fn folding_turns_punctuation_wide_and_drops_spaces_inside_chinese() {
        assert_eq!(
            fold("城东镇:关于(2026年)的通知"),
            "城东镇：关于（2026年）的通知"
        );
        assert_eq!(fold("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(fold("乡村\u{3000}\u{3000}振兴 2026 年"), "乡村振兴 2026 年");
        assert_eq!(fold("a b 、 c"), "a b 、 c");
        assert_eq!(fold("通知 : 开始"), "通知 ： 开始");
    }

    proptest! {
        #[test]
        fn folding_by_runs_writes_what_folding_by_characters_does(
            text in "[ \u{3000}:,?!;()a1、\u{3001}\u{4e00}-\u{4e10}\u{1F600}]{0,24}"
        ) {
            prop_assert_eq!(fold(&text), fold_by_chars(&text));
        }
    }

    /// Each (title, column, category) is classified so.
    fn assert_categories(cases: &[(&str, &str, &str)]) {
        let c = Classifier::builtin();
        for &(title, column, want) in cases {
            let v = c.classify(title, column, "");
            assert_eq!(&*v.category, want, "{title}: {}", v.rule);
        }
    }

    /// Each (title, column, key area) gets that key area.
    fn assert_areas(cases: &[(&str, &str, Option<&str>)]) {
        let c = Classifier::builtin();
        for &(title, column, want) in cases {
            let v = c.classify(title, column, "");
            assert_eq!(v.key_area.as_deref(), want, "{title} | {column}");
        }
    }

    /// The precedence rules of taxonomy.md, one by one.
    #[test]
    fn taxonomy_precedence_rules() {
        let c = Classifier::builtin();
        let cases: &[(&str, &str, &str, &str)] = &[
            // 1. An interpretation naming the document is an interpretation.
            (
                "1",
                "《安澜县城乡居民基本医疗保险实施办法》政策解读",
                "",
                "interpretation",
            ),
            (
                "1",
                "一图读懂《关于进一步优化营商环境的若干措施》",
                "",
                "interpretation",
            ),
            // 2. Replies to deputies and CPPCC members are results.
            ("2", "对县政协十二届五次会议第15号提案的答复", "", "result"),
            (
                "2",
                "关于市十六届人大三次会议第128号建议的答复",
                "建议提案办理",
                "result",
            ),
            // 3. A document that is a decision is a decision, whatever its subject …
            (
                "3",
                "安澜县人民政府关于印发《安澜县乡村振兴实施方案》的通知",
                "",
                "decision",
            ),
            ("3", "安澜县城乡居民最低生活保障实施办法", "", "decision"),
            // … and a meeting reported as news is routine, even when it decided.
            (
                "3",
                "县政府召开常务会议审议通过《安澜县农村住房建设管理办法》",
                "",
                "routine",
            ),
            // 4. The column is evidence, not the verdict.
            ("4", "县长调研春耕生产工作", "政策文件", "routine"),
            // 5. Activity as news is routine even with 督查/整改; a report of progress is execution.
            (
                "5",
                "市政府督查组来我县督查高标准农田建设工作",
                "",
                "routine",
            ),
            (
                "5",
                "关于2026年上半年重点工作落实情况的通报",
                "",
                "execution",
            ),
            ("5", "县医疗卫生服务能力提升工作进展", "", "execution"),
            // 6. Q&A: how to obtain a service, what a policy means, a reply to a person.
            ("6", "新生儿出生医学证明如何办理", "", "service"),
            (
                "6",
                "《安澜县就业创业补贴资金管理办法》政策问答",
                "",
                "interpretation",
            ),
            (
                "6",
                "网友留言答复：关于农村生活污水处理设施运行问题",
                "互动交流",
                "interaction",
            ),
        ];
        for (rule, title, column, want) in cases {
            let v = c.classify(title, column, "");
            assert_eq!(
                &*v.category, *want,
                "precedence rule {rule}: {title} (decided by {})",
                v.rule
            );
        }
    }

    #[test]
    fn verdicts_name_rule_and_matched_words() {
        let c = Classifier::builtin();
        let v = c.classify("县长调研春耕生产工作", "政策文件", "");
        assert!(v.rule.starts_with("routine."), "{}", v.rule);
        assert!(v.matched.iter().any(|m| &**m == "调研"), "{:?}", v.matched);
        assert_eq!(v.key_area.as_deref(), Some("rural"));
        let none = c.classify("ABCDEFG", "", "");
        assert_eq!(&*none.category, "other");
        assert_eq!(&*none.rule, NO_RULE);
    }

    #[test]
    fn key_area_conventions() {
        let c = Classifier::builtin();
        for (title, want) in [
            // The first subject decides; 人民政府 does not name 民政.
            (
                "安澜县人民政府关于印发《安澜县烟花爆竹燃放安全管理办法》的通知",
                Some("safety"),
            ),
            // A department's budget is fiscal.
            ("安澜县教育局2026年部门预算", Some("fiscal")),
            // Modifiers do not decide.
            (
                "关于发展农村养老服务的提案的答复",
                Some("social_assistance"),
            ),
            ("县政府2025年政府信息公开工作年度报告", None),
        ] {
            assert_eq!(
                c.classify(title, "", "").key_area.as_deref(),
                want,
                "{title}"
            );
        }
    }

    #[test]
    fn tender_calls_are_management_and_their_outcomes_results() {
        let c = Classifier::builtin();
        for (title, want) in [
            (
                "安澜县教育局关于课桌椅采购项目竞争性磋商的公告",
                "management",
            ),
            ("安澜县城东农贸市场摊位公开招租公告", "management"),
            (
                "安澜县2026-03号地块国有建设用地使用权挂牌出让公告",
                "management",
            ),
            ("安澜县教育局课桌椅采购项目成交结果公告", "result"),
            ("安澜县政府采购管理办法", "decision"),
            ("关于做好2026年政府采购预算编制工作的通知", "decision"),
        ] {
            let v = c.classify(title, "", "");
            assert_eq!(&*v.category, want, "{title}: {}", v.rule);
            assert_eq!(v.key_area.as_deref(), Some("public_resources"), "{title}");
        }
    }

    #[test]
    fn readings_of_figures_are_results_and_meeting_records_decisions() {
        assert_categories(&[
            ("安澜县2025年政府信息公开工作年度报告解读", "", "result"),
            ("2026年县本级部门预算解读", "", "result"),
            // Graphic readings and press answers on a budget explain figures too.
            ("一图读懂2026年县级预算", "", "result"),
            ("县财政局有关负责人就2026年预算答记者问", "", "result"),
            ("图解《安澜县预算管理办法》", "", "interpretation"),
            (
                "《安澜县城乡居民医疗保险办法》政策解读",
                "",
                "interpretation",
            ),
            ("安澜县人民政府第十八届第12次常务会议", "", "decision"),
            ("安澜县人民政府第12次常务会议纪要", "", "decision"),
            ("县政府召开第12次常务会议", "", "routine"),
        ]);
    }

    #[test]
    fn oversight_visits_and_meetings_held_are_news() {
        assert_categories(&[
            // The team's visit is the news, though the title names the rectification.
            (
                "省生态环境保护督察组下沉安澜督察反馈问题整改情况",
                "",
                "routine",
            ),
            ("县委巡察组向城东镇党委集中反馈巡察情况", "", "routine"),
            // Cadres taking part in a training is news, not personnel.
            ("城东镇干部参加业务培训", "", "routine"),
            ("县人大常委会首次审议政府部门审计整改报告", "", "routine"),
            // A report of the same findings is execution.
            (
                "关于省生态环境保护督察反馈问题整改情况的通报",
                "",
                "execution",
            ),
            // A meeting reported as held, whatever report it names.
            (
                "区政府召开2026年《政府工作报告》目标任务动员部署会",
                "",
                "routine",
            ),
            ("关于召开全县安全生产工作会议的通知", "", "other"),
            // A notice telling residents when and how to pay is a service.
            (
                "关于2027年城乡居民医疗保险参保缴费工作的通知",
                "",
                "service",
            ),
            (
                "关于做好2027年城乡居民医疗保险参保缴费工作的通知",
                "",
                "decision",
            ),
            // A public event announced ahead is a service; held, it is news.
            ("2027年春风行动专场招聘会将于3月1日举行", "", "service"),
            ("2027年春风行动专场招聘会在县体育馆举行", "", "routine"),
            ("关于开展2027年适龄妇女免费两癌筛查的通知", "", "service"),
            ("不动产登记办理流程及所需材料", "办事指南", "service"),
            // Service notices of grass-roots columns, and an approval of a request.
            ("关于2027年城乡居民医保补缴的公告", "", "service"),
            ("关于12路公交线路调整的通告", "", "service"),
            ("县图书馆春节期间闭馆的通知", "", "service"),
            ("关于同意城东镇申请设立社区的批复", "", "decision"),
            // A caller's problem in a phone-in column is the unit answering the public.
            ("及时督促修补脱落外墙皮", "来电选登", "interaction"),
        ]);
        assert_areas(&[
            // Disaster relief is social assistance (taxonomy: 救灾); the hazard itself is safety.
            ("城东镇自然灾害救助应急预案", "", Some("social_assistance")),
            ("城东镇自然灾害风险隐患排查工作方案", "", Some("safety")),
            ("农村断头路什么时候能续建?", "", Some("planning")),
            (
                "关于农村五保供养程序的问题咨询",
                "",
                Some("social_assistance"),
            ),
            ("县数据中心2026年度项目支出绩效自评报告", "", Some("fiscal")),
        ]);
    }

    #[test]
    fn individual_acts_are_management_and_commendations_results() {
        assert_categories(&[
            ("关于吊销安澜县某商贸公司营业执照的决定", "", "management"),
            (
                "安澜县自然资源局关于收回国有建设用地使用权的决定",
                "",
                "management",
            ),
            ("关于对某商贸公司违法行为的处理决定", "", "management"),
            // A notice publishing the list of powers is the list; issuing rules for it is a decision.
            ("关于公布城东镇权责清单的通知", "", "management"),
            ("关于印发《城东镇权责清单管理办法》的通知", "", "decision"),
            ("关于表彰2025年度先进集体和先进个人的决定", "", "result"),
            ("县人民政府关于给予某某同志记功奖励的决定", "", "result"),
            // Village rules adopted by the villagers are rules.
            ("城东村村规民约", "", "decision"),
            ("关于命名2026年度县级卫生村的决定", "", "result"),
            // Launching a selection directs work; a policy on revocations is a decision.
            ("关于开展2026年度先进集体评选表彰活动的通知", "", "decision"),
            ("安澜县营业执照吊销和注销管理办法", "", "decision"),
        ]);
    }

    /// Reports of checks and figures, events held, calls for views and
    /// task lists, as the titles of county and department sites word them.
    #[test]
    fn checks_figures_events_and_calls() {
        assert_categories(&[
            ("2026年10月食品安全监督抽检情况通报", "", "result"),
            ("2026年安澜县环境空气质量快报（第三期）", "", "result"),
            ("城东镇开展政策解读咨询活动", "", "routine"),
            ("关于征集对2027年县政府工作建议和意见的启事", "", "decision"),
            ("2026年县委、县政府重点工作任务", "", "decision"),
            ("关于征集2027年安澜县民生实事项目的公告", "", "decision"),
            ("关于2027年民生实事项目征集结果的公告", "", "interaction"),
            // Handling suggestions reported as news; the handling opinion is a result.
            (
                "县林业局:认真做好人大代表、政协委员建议提案办理工作",
                "",
                "routine",
            ),
            ("对县人大五次会议第12号建议办理工作的会办意见", "", "result"),
        ]);
        assert_areas(&[
            // A bureau's report on rule-of-law government is about law-based
            // administration (GUIDE); a report on disclosure work names no area.
            (
                "县卫生健康局2025年法治政府建设情况的报告",
                "",
                Some("law_enforcement"),
            ),
            ("县应急管理局政府信息公开工作2025年度报告", "", None),
            (
                "市文化和旅游局关于第115号代表建议办理情况的答复函",
                "",
                None,
            ),
            // Provincial bureaus (厅) and commissions (委员会) reply too.
            (
                "市文化和旅游发展委员会关于第1153号代表建议办理情况的答复函",
                "",
                None,
            ),
            ("省教育厅对省政协第88号提案的答复", "", None),
            // The hazard decides over the forestry department doing the work.
            ("清明节里林业部门紧盯森林防火不放松", "", Some("safety")),
            (
                "关于印发县突发重大动物疫情应急预案的通知",
                "",
                Some("rural"),
            ),
            (
                "县自然资源局开展世界地球日宣传活动",
                "",
                Some("environment"),
            ),
            ("关于发放农村冬季取暖安全告知书的通知", "", Some("safety")),
            (
                "县人民政府与县人民法院建立府院联动机制",
                "",
                Some("law_enforcement"),
            ),
        ]);
    }

    /// Forms of county portals' columns: a leader on a phone-in programme,
    /// a permit's pre-approval notice, a roll of beneficiaries, a weather
    /// warning.
    #[test]
    fn phone_ins_permits_rolls_and_warnings() {
        assert_categories(&[
            ("县委副书记、县长做客“民生热线”栏目", "", "interaction"),
            ("关于某某项目选址意见书的批前公示", "", "management"),
            ("2026年城东镇特困供养人员花名册", "", "result"),
            ("关于发布暴雨蓝色预警的通知", "", "service"),
        ]);
        assert_areas(&[
            ("关于某某项目选址意见书的批前公示", "", Some("planning")),
            // 媒体检查 hides 体检: a check of government new media is no health check.
            ("2026年第三季度政务新媒体检查情况的通报", "", None),
        ]);
    }

    /// The items of the key-area columns of county sites: a matter issued
    /// to a citizen, eligibility, an expropriation's notices, a period's
    /// figures, the result of a sampling check, a change of a permit.
    #[test]
    fn key_area_column_items() {
        assert_categories(&[
            ("残疾人证核发", "", "service"),
            ("临时救助对象认定条件及标准", "", "service"),
            ("关于城东镇某某项目征收土地的公告", "", "management"),
            ("关于某某片区房屋征收范围的公告", "", "management"),
            ("城东镇征地补偿安置方案公告", "", "decision"),
            ("2026年第三季度城镇新增就业情况", "", "result"),
            ("县文旅局2026年国庆假期旅游市场情况", "", "result"),
            // The work of a period and its progress are not its figures.
            ("2026年第三季度重点工作推进情况", "", "execution"),
            (
                "县市场监管局关于2026年第三季度食品安全监督抽检结果的通告",
                "",
                "result",
            ),
            (
                "县生态环境局关于某某公司排污许可变更的公示",
                "",
                "management",
            ),
            // A question on where to apply is still a service.
            ("取水许可需要到哪级水行政部门办理?", "", "service"),
        ]);
    }

    /// Oversight bodies' visits and studies are news; assessments and
    /// clean-ups are results; a body's members are personnel.
    #[test]
    fn visits_assessments_and_members() {
        assert_categories(&[
            ("县委常委会传达学习省委全会精神", "", "routine"),
            // Precedence rule 5: a deputies' field trip is news, whatever it looks at.
            ("县人大常委会视察全县民生实事项目推进情况", "", "routine"),
            (
                "县人大常委会关于全县民生实事项目推进情况的视察报告",
                "",
                "execution",
            ),
            ("全县2026年第三季度“红黑榜”通报", "", "result"),
            ("关于2026年度全县营商环境评价结果的通报", "", "result"),
            ("2026年县政府规范性文件清理结果", "", "result"),
            ("关于调整县安全生产委员会组成人员的通知", "", "management"),
        ]);
    }

    /// A township's lists and checks: a notice of results, a month's
    /// inspection findings and the approved beneficiaries are results.
    #[test]
    fn township_results() {
        assert_categories(&[
            (
                "关于城东镇2026年度村级党组织书记“擂台比武”结果的通报",
                "",
                "result",
            ),
            ("城东镇2026年10月份安全生产检查情况", "", "result"),
            ("城东镇2026年第二批农村低保审批对象公示", "", "result"),
            // An inspection reported as news, and a supervision's findings, are not.
            ("城东镇开展安全生产大检查", "", "routine"),
            ("关于2026年第三季度重点工作督查情况的通报", "", "execution"),
        ]);
    }

    /// What a notice (…的通知, …的批复) is, when it is not a decision: a
    /// citizen's errand, a designation, an act in one case, a list of
    /// permits or of services.
    #[test]
    fn notices_that_are_not_decisions() {
        assert_categories(&[
            ("关于2026年度道路运输车辆年审的通知", "", "service"),
            ("关于缴纳2026年度城乡居民养老保险费的通知", "", "service"),
            ("关于2026年度残疾人证集中换发的通知", "", "service"),
            ("关于2026年度出租车年度审验的公告", "", "service"),
            ("关于2026年度城区犬只免疫登记的通告", "", "service"),
            ("关于2026年度城区供暖收费的公告", "", "service"),
            // A free health check is no inspection campaign.
            (
                "关于开展2026年度农村适龄妇女“两癌”免费检查的通知",
                "",
                "decision",
            ),
            ("关于认定2026年度县级农业产业化龙头企业的通知", "", "result"),
            ("关于公布第三批县级传统村落的通知", "", "result"),
            ("关于同意某某合作社注销登记的批复", "", "management"),
            ("关于对某某公司违规行为的处理通知", "", "management"),
            (
                "关于某某等5家企业列入严重失信主体名单的通知",
                "",
                "management",
            ),
            ("关于2026年度取水许可证延续的批复", "", "management"),
            ("关于公布县级行政许可事项清单的通知", "", "management"),
            ("关于公布2026年度县级政务服务事项目录的通知", "", "service"),
            // Directing the work, and setting a price or a rate, are decisions.
            (
                "关于做好2026年度城乡居民基本医疗保险参保缴费工作的通知",
                "",
                "decision",
            ),
            ("关于调整城区出租车运价的通知", "", "decision"),
            (
                "关于印发《安澜县农业产业化龙头企业认定和运行监测管理办法》的通知",
                "",
                "decision",
            ),
        ]);
        assert_areas(&[(
            "关于公布第三批县级传统村落的通知",
            "",
            Some("culture_sports"),
        )]);
    }

    /// The state of the work: a project's construction, a task ledger, a
    /// schedule, a completion; the division of a report's targets is a plan.
    #[test]
    fn the_state_of_the_work_is_execution() {
        assert_categories(&[
            ("城东镇2026年重点项目建设情况", "", "execution"),
            ("2026年重点工作任务台账", "", "execution"),
            ("城东镇污水处理厂项目主体完工", "", "execution"),
            ("城东镇“厕所革命”完成率达95%", "", "execution"),
            (
                "城东镇12家企业全部完成污水处理设施改造",
                "政务要闻",
                "execution",
            ),
            // Finishing an event is news.
            ("城东镇第三届农民运动会圆满完成各项赛事", "", "routine"),
            ("2026年县政府工作报告目标任务分解表", "", "decision"),
            // A rule-of-law report is a result; a briefing heard is news.
            ("城东镇2025年度法治政府建设情况报告", "", "result"),
            ("县政府常务会听取重点项目建设情况汇报", "", "routine"),
        ]);
    }

    /// A draft's explanation and a policy digest explain a policy; a
    /// resident's question is a message to answer.
    #[test]
    fn explanations_and_questions() {
        assert_categories(&[
            (
                "关于《安澜县城区停车管理办法》的起草说明",
                "",
                "interpretation",
            ),
            (
                "新政速递｜2026年城乡居民医保缴费标准有调整",
                "",
                "interpretation",
            ),
            ("请问城东镇什么时候通天然气？", "", "interaction"),
            // A budget's explanation explains figures.
            ("关于城东镇2026年部门预算编制说明", "", "result"),
        ]);
    }

    /// An attachment's file extension and brackets around the whole title
    /// change nothing.
    #[test]
    fn extensions_and_wrapping_change_nothing() {
        let c = Classifier::builtin();
        for title in [
            "关于调整2026年城乡低保标准的通知",
            "县发改局关于十四五规划中期评估的报告",
            "2026年城东镇公益性岗位招聘公告",
        ] {
            let clean = c.classify(title, "", "");
            for noisy in [
                format!("{title}.pdf"),
                format!("{title}.DOCX"),
                format!("[{title}]"),
                format!("“{title}”"),
            ] {
                let v = c.classify(&noisy, "", "");
                assert_eq!(v.category, clean.category, "{noisy:?}");
                assert_eq!(v.key_area, clean.key_area, "{noisy:?}");
            }
        }
    }

    /// A project's environmental, energy or forest-land approval is
    /// licensing; a handling notice on one case is management; an air-raid
    /// siren test is a public notice; a budget line's execution is figures.
    #[test]
    fn approvals_handling_sirens_and_spending() {
        assert_categories(&[
            (
                "县生态环境局关于某某项目环境影响报告表的批复",
                "",
                "management",
            ),
            ("县发改局关于某某项目节能审查意见的批复", "", "management"),
            ("县林业局关于某某林地使用审核的批复", "", "management"),
            ("县水利局关于某某河道采砂许可的公告", "", "management"),
            (
                "县医保局关于某某医院违规使用医保基金的处理通报",
                "",
                "management",
            ),
            ("县人防办2026年防空警报试鸣公告", "", "service"),
            ("2026年县级教育经费执行情况公告", "", "result"),
            // An approval that sets up or changes an administrative unit is a decision.
            ("关于同意城东镇撤乡设镇的批复", "", "decision"),
        ]);
        assert_areas(&[("县人防办2026年防空警报试鸣公告", "", Some("safety"))]);
    }

    /// Standing information a resident uses (where to call, which school
    /// zone, how to replace a card) is a service.
    #[test]
    fn standing_service_information_is_service() {
        assert_categories(&[
            ("社会保障卡补换卡", "", "service"),
            ("二手房交易过户", "", "service"),
            ("2026年城东镇中小学学区划分", "", "service"),
            ("城区出租车投诉电话", "", "service"),
            ("城东镇各村（社区）便民服务站联系方式", "", "service"),
            // Job vacancies, a clinic's schedule, a payment window opening.
            ("城东镇2026年公益性岗位需求信息", "", "service"),
            // Watching a film together is news.
            ("城东镇组织收看警示教育片", "", "routine"),
            // A numbered bulletin of a unit's work is news; an epidemic's is figures.
            ("安澜县防汛简报第3期", "", "routine"),
            ("安澜政务信息（第12期）", "", "routine"),
            ("安澜县疫情简报（第9期）", "", "result"),
            ("2026年第四季度县城区企业用工需求", "", "service"),
            ("县人民医院专家义诊时间表", "", "service"),
            ("@全体居民 2026年度新农合缴费通道开启", "", "service"),
        ]);
    }

    /// The sectors' own vocabulary, from the grass-roots catalogues of the
    /// key areas: a facility, an event or a hazard names its area.
    #[test]
    fn sector_vocabulary_names_the_area() {
        assert_areas(&[
            (
                "城东镇综合文化站开展送戏下乡惠民演出",
                "",
                Some("culture_sports"),
            ),
            (
                "全县第三届“村晚”广场舞展演圆满落幕",
                "",
                Some("culture_sports"),
            ),
            (
                "城东镇村庄规划（2021-2035年）批前公示",
                "",
                Some("planning"),
            ),
            ("关于城区部分路段封闭施工的通告", "", Some("planning")),
            ("县人民医院开展义诊进社区活动", "", Some("health")),
            ("关于做好冬春季结核病防治工作的通知", "", Some("health")),
            ("县气象台发布暴雨橙色预警信号", "", Some("safety")),
            ("城东镇开展地震应急疏散演练", "", Some("safety")),
            ("关于划定畜禽养殖禁养区的通告", "", Some("environment")),
            ("城东镇开展秸秆禁烧巡查", "", Some("environment")),
            ("县农业农村局开展水稻病虫害防治技术培训", "", Some("rural")),
            ("城东镇驻村第一书记走访脱贫户", "", Some("rural")),
            // Transport as such names no area (labels leave it empty); a
            // telephone conference names no broadcasting.
            (
                "安澜县交通运输局行政许可决定公示（道路运输经营许可）",
                "",
                None,
            ),
            ("全县召开电视电话会议", "", None),
            // 清河 is a place name, 辐射 a figure of speech.
            ("清河镇召开党委会", "", None),
            ("发挥龙头企业辐射带动作用", "", None),
        ]);
    }

    #[test]
    fn the_column_names_the_area_when_the_title_does_not() {
        assert_areas(&[
            // The columns of the standard grass-roots key areas.
            (
                "2026年第三季度工作情况",
                "养老服务",
                Some("social_assistance"),
            ),
            (
                "2026年第三季度工作情况",
                "农村危房改造",
                Some("land_housing"),
            ),
            (
                "2026年第三季度工作情况",
                "公共法律服务",
                Some("law_enforcement"),
            ),
            ("2026年第三季度工作情况", "食品药品监管", Some("food_drug")),
            // The title's own subject comes first.
            (
                "城东镇2026年义务教育招生公告",
                "养老服务",
                Some("education"),
            ),
            // 市政府 in a column's name is not 市政.
            (
                "苏州市2025年政府信息公开工作年度报告",
                "苏州市政府信息公开年报",
                None,
            ),
        ]);
    }

    #[test]
    fn how_to_questions_rankings_and_news_slogans() {
        assert_categories(&[
            // A standing question on how to obtain a service is a service,
            // even under an interaction kicker.
            ("城乡居民医疗保险如何办理转移接续？", "", "service"),
            ("【互动回应】临时救助的对象有哪些？", "", "service"),
            (
                "问：个体工商户如何取得食品经营许可证？",
                "政策问答",
                "service",
            ),
            // …but an interpretation stays one.
            (
                "如何申请创业担保贷款？——《创业担保贷款实施办法》解读",
                "",
                "interpretation",
            ),
            // A ranking published in a 通报 is an outcome, not progress.
            (
                "关于2026年第一季度各乡镇空气质量排名情况的通报",
                "",
                "result",
            ),
            // News kickers and campaign slogans are stories about the work.
            ("【直击现场】城东镇全力推进农村人居环境整治", "", "routine"),
            ("城东镇上下一心打赢秸秆禁烧攻坚战", "", "routine"),
            // …but a document with such a slogan is the document.
            (
                "关于印发《打赢蓝天保卫战三年行动计划》的通知",
                "",
                "decision",
            ),
            // The heating period is a public-service notice.
            ("关于调整2026—2027年度城区集中供热时间的公告", "", "service"),
            // A unit's rules for its interpretation work are a document.
            ("城东镇政策解读工作制度", "", "decision"),
        ]);
        assert_areas(&[
            ("关于实施野外禁火的紧急通知", "", Some("safety")),
            ("关于2026年长江禁渔期的通告", "", Some("environment")),
            (
                "城东镇村级公益事业建设一事一议财政奖补项目公示",
                "",
                Some("rural"),
            ),
            (
                "城东镇低收入人口动态监测情况",
                "",
                Some("social_assistance"),
            ),
            ("安澜县农业农村局2026年单位预算", "", Some("fiscal")),
        ]);
    }

    #[test]
    fn cases_powers_suggestions_payments_and_period_circulars() {
        assert_categories(&[
            // An administrative case named by its conduct.
            ("城东镇某某超市销售过期食品案", "", "management"),
            // …but a plan or a filing ending in 案 is not one.
            ("城东镇2026年防汛应急预案", "", "decision"),
            // An entry of a list of powers.
            ("对未按规定设置安全警示标志的处罚", "权责清单", "management"),
            // A deputy's numbered suggestion is in the handling of suggestions.
            ("第12号 关于修建城东镇文化广场的建议", "", "result"),
            // A notice of subsidies paid out is an outcome…
            ("关于拨付2026年耕地地力保护补贴资金的公示", "", "result"),
            // …a funded plan announced is a decision.
            ("城东镇2026年衔接资金项目计划公示", "", "decision"),
            // A period's figures in a 通报 are an outcome; its supervision
            // findings are progress.
            ("关于2026年1-9月全县安全生产情况的通报", "", "result"),
            (
                "关于2026年第三季度政务公开工作检查情况的通报",
                "",
                "execution",
            ),
            // Cancelling licences in a 通报 is the unit acting as regulator.
            ("关于注销3家企业安全生产许可证的通报", "", "management"),
        ]);
        assert_areas(&[
            // Disclosure work names no sector, whoever reports on it.
            ("安澜县卫生健康局2026年政府信息公开工作年度报告", "", None),
            ("安澜县教育局政府信息公开指南", "", None),
            // …but disclosure in a named field names the field: the mark
            // inside a stopword (领域政府信息公开) does not count.
            (
                "关于推进社会救助领域政府信息公开工作的通知",
                "",
                Some("social_assistance"),
            ),
            ("县民政局2026年政府信息公开工作年度报告", "", None),
            ("城东镇森林火灾应急预案", "", Some("safety")),
            ("关于划定畜禽养殖禁养区的通告", "", Some("environment")),
            ("城东镇开展防止返贫监测帮扶集中排查", "", Some("rural")),
            ("关于拓展老年人健康体检项目的公告", "", Some("health")),
            // In a reply the department is the one replying, not the subject…
            (
                "县农业农村局对县十七届人大四次会议第53号建议的答复",
                "",
                None,
            ),
            (
                "县教育局对第12号建议的答复（关于增设城东小学学位）",
                "",
                Some("education"),
            ),
            // …elsewhere a bureau's name stands for its sector.
            ("县市场监督管理局行政处罚决定书", "", Some("food_drug")),
        ]);
    }

    #[test]
    fn service_guides_policy_questions_and_residents_messages() {
        assert_categories(&[
            // In a service-guide column the item is the guide, whatever its
            // name says…
            ("临时救助制度", "办事指南", "service"),
            ("失业登记", "镇（街）办事指南", "service"),
            // …unless it is a notice.
            ("关于调整临时救助标准的通知", "办事指南", "decision"),
            // A service matter named by its act.
            ("城乡居民基本医疗保险参保登记", "", "service"),
            // A question on what a policy provides is an interpretation; a
            // question on how to apply is a service.
            ("城乡低保标准是如何规定的？", "", "interpretation"),
            ("城乡低保如何申请？", "", "service"),
            // A resident's message, whatever it complains about.
            ("关于城东小区门前违规占道经营问题反映", "", "interaction"),
            ("幸福路小区停车难，希望尽快规划停车位", "", "interaction"),
            // Consultation feedback and hotline broadcasts answer the public.
            (
                "关于《安澜县养犬管理办法（征求意见稿）》公开征求意见的结果反馈",
                "",
                "interaction",
            ),
            ("县医保局《政风行风热线》直播实录", "", "interaction"),
            // The notices that open a land expropriation administer land;
            // a ban announced for a season binds the public; a disclosure
            // guide tells citizens how to ask.
            (
                "城东镇2026年第三批次建设用地征收土地预公告",
                "",
                "management",
            ),
            ("安澜县人民政府征地启动公告", "", "management"),
            (
                "安澜县2026年春节期间森林防火和禁止燃放烟花爆竹公告",
                "",
                "decision",
            ),
            (
                "城东镇人民政府政府信息公开指南（2026年修订）",
                "",
                "service",
            ),
            ("城东社区是否能开通天然气？", "咨询投诉", "interaction"),
            // A list of designated items published is an outcome; its news
            // is news.
            (
                "安澜县人民政府关于公布第三批县级非物质文化遗产代表性项目名录的通知",
                "",
                "result",
            ),
            ("城东镇3处古民居入选省级传统村落名录", "", "routine"),
            // A commendation of model units is an outcome.
            (
                "关于2026年度全县安全生产工作先进单位和先进个人的通报",
                "",
                "result",
            ),
        ]);
    }

    #[test]
    fn reports_gazettes_recruitment_and_meeting_headlines() {
        assert_categories(&[
            // A work report is a report, though 作报告 is also what a speaker
            // does at a meeting reported as news.
            ("关于2026年度行政执法情况的工作报告", "", "result"),
            ("省委宣讲团到安澜县作专题报告", "", "routine"),
            // A performance self-review is a result, even of a fund for
            // visits (慰问).
            (
                "县卫生健康局2026年度项目绩效自评报告（春节慰问经费项目）",
                "",
                "result",
            ),
            // A notice that directs the compiling of annual reports directs
            // work; a rule named 制度 is the document.
            (
                "县政府办公室关于做好2026年政府信息公开工作年度报告编制和发布工作的通知",
                "",
                "decision",
            ),
            ("安澜县行政执法统计年报制度", "", "decision"),
            // A government gazette's issue publishes the government's
            // documents; the statistics 公报 is a result.
            ("安澜县人民政府公报2026年第1期（总第52期）", "", "decision"),
            ("安澜县2026年国民经济和社会发展统计公报", "", "result"),
            // A call for applicants with no notice form is still a call.
            ("2026年城东镇招聘社区工作者", "", "service"),
            ("2026年城东镇招聘社区工作者拟聘用人员公示", "", "result"),
            // Headlines that end on the meeting being held, chronicles of
            // events, campaign news led by 多措并举 or a kicker.
            ("县政协提案第一次公开答复会召开", "", "routine"),
            ("城东镇2026年大事记（第四期）", "", "routine"),
            ("县农业农村局多措并举加强农药经营监管", "", "routine"),
            ("城东镇：扎实做好“十五五”规划编制工作", "", "routine"),
            ("城东镇“十五五”规划编制工作方案", "", "decision"),
        ]);
        let c = Classifier::builtin();
        for (title, want) in [
            // Work safety is the subject whoever does it…
            ("县住建局召开建筑施工安全生产工作会议", Some("safety")),
            // …market price monitoring is market regulation…
            ("安澜县粮食价格市场监测信息（3月12日）", Some("food_drug")),
            // …and a spending review is about the money.
            ("县卫生健康局2026年度项目绩效自评报告", Some("fiscal")),
            ("安澜县政法和应急管理局信息公开年度工作报告", None),
            // News of a bureau's internal life does not name its sector;
            // its sector work does.
            ("县财政局举办“迎国庆”演讲比赛", None),
            ("城东镇财政所转作风强建设塑形象", None),
            ("县财政局开展2026年财政资金专项检查", Some("fiscal")),
            (
                "县民政局开展党风廉政教育暨社会救助政策培训",
                Some("social_assistance"),
            ),
            // Renovating old residential compounds is work on housing.
            ("城东镇2026年老旧小区改造工作进展情况", Some("land_housing")),
        ] {
            assert_eq!(
                c.classify(title, "", "").key_area.as_deref(),
                want,
                "{title}"
            );
        }
    }

    #[test]
    fn procedures_selection_calls_and_plain_headlines() {
        assert_categories(&[
            // A service's procedure is what a citizen follows, though it
            // names an approval…
            ("2026年度城东镇农村危房改造申请审批流程", "", "service"),
            ("监测户识别纳入程序", "", "service"),
            // …unless a notice reforms it.
            ("关于优化农村危房改造审批流程的通知", "", "decision"),
            // A list of services, a registration service and a notice of
            // catch-up vaccination are for citizens to use.
            ("城东镇政务服务清单目录", "", "service"),
            ("生育登记服务", "", "service"),
            (
                "关于开展2026年脊髓灰质炎疫苗查漏补种工作的通知",
                "",
                "service",
            ),
            // A call to apply for a selected post is a call.
            ("关于开展2026年度护林员选聘工作的公告", "", "service"),
            // Headlines with no meeting or visit in them are still news.
            ("全县脱贫人口小额信贷工作取得实效", "", "routine"),
            ("城东镇村级集体经济收入突破千万元", "", "routine"),
            ("安澜县首家共享法庭挂牌成立", "", "routine"),
            // …but a facility put into use is a project completed (execution).
            ("城东镇新建12座公厕投入使用", "", "execution"),
            ("城东镇乡村旅游迎来客流高峰", "", "routine"),
            ("城东镇组织干部职工义务献血", "", "routine"),
        ]);
    }

    #[test]
    fn rectification_reports_guide_columns_and_bureau_names() {
        assert_categories(&[
            // A report on rectifying audit findings is execution, though the
            // audit was of a budget's execution.
            (
                "关于2025年度县本级预算执行和其他财政收支审计查出问题整改情况的报告",
                "",
                "execution",
            ),
            ("关于2025年度县本级预算执行情况的报告", "", "result"),
            // An expropriation's opening notice with the land named before it.
            (
                "安澜县人民政府关于城东至西山公路用地征收土地的预公告",
                "",
                "management",
            ),
            // A recruiting campaign directs work; a call for applicants is a call.
            (
                "县人社局关于开展2026年公共就业招聘专项活动的通知",
                "",
                "decision",
            ),
            ("安澜县2026年公开招聘社区工作者的公告", "", "service"),
            // An item of a disclosure-guide column is the guide.
            ("城东镇", "乡镇政府信息公开指南", "service"),
            // Figures on an epidemic or on water quality are results.
            ("县疾控中心2026年第15周传染病疫情简报", "", "result"),
            (
                "安澜县2026年第一季度集中式饮用水水源地水质状况",
                "",
                "result",
            ),
            // A notice convening a hearing is part of making a decision; a
            // division of key tasks is a decision; an inspection team's
            // feedback is news.
            (
                "关于召开安澜县城区出租车运价调整听证会的公告",
                "",
                "decision",
            ),
            ("县政府2026年重点工作责任分工", "", "decision"),
            ("县委第二巡察组反馈巡察情况", "", "routine"),
            // The page on a unit's leaders is not news of them.
            ("城东镇领导班子成员", "领导信息", "other"),
            // 退役军人事务局 names no personnel matter (人事).
            (
                "县退役军人事务局做好义务兵家庭优待金发放工作",
                "",
                "routine",
            ),
        ]);
        let c = Classifier::builtin();
        assert_eq!(
            c.classify("城东镇召开暑期防溺亡工作推进会", "", "")
                .key_area
                .as_deref(),
            Some("safety")
        );
    }

    #[test]
    fn enforcement_news_and_headlines_in_report_columns() {
        assert_categories(&[
            // Enforcement verbs in a record of enforcement are management…
            ("城东镇2026年违法建设整治情况公示", "", "management"),
            ("城东镇2026年第一季度行政执法信息", "", "management"),
            // …and in a headline they are news.
            ("安澜县查处侵害群众利益问题326个", "", "routine"),
            ("县市场监管局城东分局集中治理食品安全", "", "routine"),
            ("城东镇狠抓环境整治扮靓家园", "", "routine"),
            ("县文广旅体局查处一起网吧接纳未成年人案", "", "routine"),
            ("城东镇某某超市经营超过保质期食品案", "", "management"),
            // A story with a headline's punctuation in a report column is
            // still news; a citizen's question in an interaction column is not.
            ("城东镇：栽下梧桐引凤来", "信息公开年报", "routine"),
            ("2026，城东，精彩继续！", "信息公开年报", "routine"),
            ("城东路的路灯什么时候修好？", "咨询投诉", "interaction"),
            // A column of the work's progress is execution evidence.
            ("城东镇污水管网改造工程", "工作进展情况", "execution"),
            ("城东大道拓宽工程", "项目进度", "execution"),
        ]);
        let c = Classifier::builtin();
        for title in [
            "城东生态示范区召开2026年度工作会议",
            "安澜县四措并举开展降成本优环境专项行动",
        ] {
            assert_eq!(c.classify(title, "", "").key_area, None, "{title}");
        }
    }

    #[test]
    fn hotline_records_and_questions_in_qa_columns() {
        assert_categories(&[
            // The hotline's programmes and reports answer the public…
            ("安澜县12345热线2026年3月运行报告", "", "interaction"),
            ("城东镇热线工作情况通报（2026年第九期）", "", "interaction"),
            // …its number is a service, a leader taking calls is news.
            ("城东镇便民服务热线电话", "", "service"),
            ("区领导上线12345热线听民意", "", "routine"),
            // A question in a knowledge Q&A column explains a rule, unless
            // it asks how to obtain a service.
            (
                "依职权注销个体工商户登记，应当履行哪些程序？",
                "市场监管类知识问答",
                "interpretation",
            ),
            (
                "个体工商户如何办理注销登记？",
                "市场监管类知识问答",
                "service",
            ),
        ]);
    }

    #[test]
    fn the_url_path_decides_when_title_and_column_do_not() {
        let c = Classifier::builtin();
        let host = "http://www.anlan.gov.cn";
        for (path, category) in [
            ("/zwgk/zcjd/202605/t1.html", "interpretation"),
            ("/zwgk/tjxx/202605/t1.html", "result"),
            ("/zwgk/xzcf/202605/t1.html", "management"),
            ("/zmhd/202605/t1.html", "interaction"),
            ("/bsfw/bszn/t1.html", "service"),
            ("/zwgk/gfxwj/t1.html", "decision"),
            ("/zwgk/dcdb/t1.html", "execution"),
            ("/xwzx/gzdt/202605/t1.html", "routine"),
        ] {
            let v = c.classify("城东镇2026年5月", "", &format!("{host}{path}"));
            assert_eq!(&*v.category, category, "{path}");
            assert!(v.rule.starts_with("url."), "{path}: {}", v.rule);
        }
        // Outside a known segment the URL says nothing.
        let v = c.classify(
            "城东镇2026年5月",
            "",
            "http://www.anlan.gov.cn/gzdtx/t1.html",
        );
        assert_eq!(&*v.category, "other");
        // A key area's column segment names the area when nothing else does.
        let shjz = "http://www.anlan.gov.cn/zdly/shjz/t1.html";
        let v = c.classify("城东镇2026年第三季度公示", "", shjz);
        assert_eq!(v.key_area.as_deref(), Some("social_assistance"));
        assert!(
            v.matched.iter().any(|m| &**m == "领域:url:/shjz"),
            "{:?}",
            v.matched
        );
        let v = c.classify("城东镇2026年义务教育招生公告", "", shjz);
        assert_eq!(v.key_area.as_deref(), Some("education"));
        let v = c.classify("城东镇2026年第三季度公示", "养老服务", shjz);
        assert!(
            v.matched.iter().any(|m| &**m == "领域:栏目:养老"),
            "{:?}",
            v.matched
        );
        // The column name outranks the path, and the title outranks both.
        let url = "http://www.anlan.gov.cn/xwzx/gzdt/t1.html";
        assert_eq!(
            &*c.classify("城东镇2026年5月", "政策解读", url).category,
            "interpretation"
        );
        assert_eq!(
            &*c.classify("城东镇2026年第一季度低保资金发放情况公示", "", url)
                .category,
            "result"
        );
    }

    #[test]
    fn the_url_is_read_when_needed_and_never_carried_over() {
        let c = Classifier::builtin();
        let mut s = Scratch::default();
        let zcjd = "http://www.anlan.gov.cn/zcjd/t1.html";
        let shjz = "http://www.anlan.gov.cn/zdly/shjz/t1.html";
        let plain = "http://www.anlan.gov.cn/other/t2.html";
        // One scratch for a run of items, as a crawl uses it: each item's
        // URL counts for that item only.
        let v = c.classify_with(&mut s, "城东镇2026年5月", "", zcjd);
        assert_eq!(v.rule.as_ref(), "url.interpretation");
        assert!(
            v.matched.iter().any(|m| &**m == "url:/zcjd/"),
            "{:?}",
            v.matched
        );
        let v = c.classify_with(&mut s, "城东镇2026年5月", "", plain);
        assert_eq!(v.rule.as_ref(), NO_RULE);
        let v = c.classify_with(&mut s, "城东镇2026年第三季度公示", "", shjz);
        assert_eq!(v.key_area.as_deref(), Some("social_assistance"));
        let v = c.classify_with(&mut s, "城东镇2026年第三季度公示", "", plain);
        assert_eq!(v.key_area, None);
        // A title rule decides before the URL rules are reached, and its
        // verdict is the same with or without the URL; `explain` still
        // lists the URL rule that also matched.
        let title = "关于印发城东镇2026年防汛工作方案的通知";
        let with = c.classify_with(&mut s, title, "", zcjd);
        let without = c.classify(title, "", "");
        assert_eq!(with.rule, without.rule);
        assert!(!with.rule.starts_with("url."), "{}", with.rule);
        let ids: Vec<&str> = c
            .explain(title, "", zcjd)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&&*with.rule));
        assert!(ids.contains(&"url.interpretation"), "{ids:?}");
        assert!(
            !c.explain(title, "", plain)
                .iter()
                .any(|r| r.id.starts_with("url."))
        );
    }

    #[test]
    fn a_scratch_keeps_no_column_of_another_classifier() {
        // A pack whose first rule takes any item of the column 某某专栏.
        let mut pack = RulePack::builtin();
        let mut rule = pack.rules[0].clone();
        rule.id = "test.column".into();
        rule.title_any.clear();
        rule.title_all.clear();
        rule.column_any = vec!["某某专栏".into()];
        pack.rules.insert(0, rule);
        let (title, column) = ("城东镇2026年5月", "某某专栏");
        let mut s = Scratch::default();
        let mut rules = Vec::new();
        // Each classifier is built in the same place and dropped before the
        // next: what the scratch holds of the column must be thrown away
        // for the next all the same.
        for pack in [pack, RulePack::builtin()] {
            let c = Classifier::new(pack);
            rules.push(c.classify_with(&mut s, title, column, "").rule);
        }
        assert_eq!(rules[0].as_ref(), "test.column");
        assert_eq!(
            rules[1],
            Classifier::builtin().classify(title, column, "").rule
        );
    }

    #[test]
    fn half_width_punctuation_reads_as_full_width() {
        let c = Classifier::builtin();
        for (full, half) in [
            (
                "城东镇：多措并举推进人居环境整治",
                "城东镇:多措并举推进人居环境整治",
            ),
            (
                "安澜县学前教育行动计划（2026—2028年）",
                "安澜县学前教育行动计划(2026—2028年)",
            ),
            // Spaces between Chinese characters are dropped…
            (
                "城东镇政府工作报告（2026年）",
                "城东镇政 府 工 作 报 告(2026年)",
            ),
            (
                "关于下达衔接推进乡村振兴补助资金的公告",
                "关于下达衔接推进乡村 振兴补助资金的公告",
            ),
            // …and so is the ideographic space, even with no ASCII byte.
            (
                "城东镇政府工作报告（2026年）",
                "城东镇政\u{3000}府\u{3000}工\u{3000}作\u{3000}报\u{3000}告（2026年）",
            ),
        ] {
            let (a, b) = (c.classify(full, "", ""), c.classify(half, "", ""));
            assert_eq!(
                (a.category, a.rule, a.key_area),
                (b.category, b.rule, b.key_area),
                "{half}"
            );
        }
        // …but not those beside a Latin letter or a digit.
        assert_eq!(fold("第197号 从竹林 ABC 至"), "第197号从竹林 ABC 至");
        assert!(needs_fold("政\u{3000}府"));
        assert!(!needs_fold("关于印发《城东镇工作要点》的通知"));
    }

    #[test]
    fn candidate_rules_come_in_priority_order() {
        let set = [1u64 << 63 | 1 << 5 | 1, 1 << 2];
        assert_eq!(in_order(&set).collect::<Vec<_>>(), vec![0, 5, 63, 66]);
        assert_eq!(in_order(&[0, 0]).count(), 0);
    }

    #[test]
    fn stem_drops_list_markers_and_short_dates() {
        for (title, stem) in [
            ("关于调整低保标准的通知 NEW", "关于调整低保标准的通知"),
            ("关于调整低保标准的通知new", "关于调整低保标准的通知"),
            ("关于调整低保标准的通知 热", "关于调整低保标准的通知"),
            ("关于调整低保标准的通知 05-01", "关于调整低保标准的通知"),
            (
                "关于调整低保标准的通知 NEW 2026-05-01",
                "关于调整低保标准的通知",
            ),
            // Not a marker: part of the title.
            ("城东镇Wi-Fi覆盖方案NEW", "城东镇Wi-Fi覆盖方案"),
            ("城东镇Hotline", "城东镇Hotline"),
            ("城东镇新闻热", "城东镇新闻热"),
            ("城东镇第12-31号", "城东镇第12-31号"),
            ("城东镇公告12-31", "城东镇公告12-31"),
        ] {
            assert_eq!(title_stem(title), stem, "{title}");
        }
        let c = Classifier::builtin();
        assert_eq!(
            &*c.classify("关于2025年度行政执法情况的工作报告 NEW", "", "")
                .category,
            "result"
        );
    }

    #[test]
    fn stem_drops_trailing_parentheses() {
        assert_eq!(
            title_stem("关于调整低保标准的通知 2026-05-01"),
            "关于调整低保标准的通知"
        );
        assert_eq!(
            title_stem("关于调整低保标准的通知2026年5月1日"),
            "关于调整低保标准的通知"
        );
        // A year that belongs to the title stays.
        assert_eq!(title_stem("安澜县规划纲要2026"), "安澜县规划纲要2026");
        assert_eq!(
            title_stem("安澜县学前教育行动计划（2026—2028年）"),
            "安澜县学前教育行动计划"
        );
        assert_eq!(title_stem("某某办法(试行) "), "某某办法");
        assert_eq!(title_stem("（全文）"), "（全文）");
        // An attachment listed as an item, and a title in brackets or quotes.
        assert_eq!(
            title_stem("关于调整低保标准的通知.pdf"),
            "关于调整低保标准的通知"
        );
        assert_eq!(
            title_stem("2026年部门预算公开表.XLSX"),
            "2026年部门预算公开表"
        );
        assert_eq!(
            title_stem("[关于调整低保标准的通知]"),
            "关于调整低保标准的通知"
        );
        assert_eq!(title_stem("《安澜县养犬管理办法》"), "安澜县养犬管理办法");
        assert_eq!(title_stem("“安澜”号的报告"), "“安澜”号的报告");
        assert_eq!(title_stem("[2026]第3号"), "[2026]第3号");
    }

    #[test]
    fn grass_roots_phrasings_of_the_five_disclosures() {
        assert_categories(&[
            // A construction milestone is the state of the work (execution)…
            ("城东安置小区6栋主体结构全部封顶", "", "execution"),
            ("S305线改建工程路基全线贯通", "", "execution"),
            ("县产业园一期已完成投资3.1亿元", "", "execution"),
            ("全县乡村振兴项目开工率达92%", "", "execution"),
            ("城东镇敬老院改扩建工程完成主体施工", "", "execution"),
            ("城东大道改造工程具备通车条件", "", "execution"),
            ("关于教育督导反馈问题的整改报告", "", "execution"),
            // …but a leader's site visit is news (precedence rule 5).
            ("县长到城东大道改造工程现场督办项目建设", "", "routine"),
            ("县城管局连夜抢修城区故障路灯", "", "routine"),
            ("县文化馆暑期阅读季启幕", "", "routine"),
            // The regulator's acts: credit lists, permits, project approvals.
            (
                "关于拖欠农民工工资失信联合惩戒对象名单的公告",
                "",
                "management",
            ),
            ("关于将某某公司列入严重违法失信名单的决定", "", "management"),
            (
                "关于城东工业园标准化厂房项目可行性研究报告的批复",
                "",
                "management",
            ),
            (
                "建设用地规划许可证核发信息（2026年第3期）",
                "行政许可",
                "management",
            ),
            ("兽药经营许可证核发信息", "", "management"),
            ("护士执业注册变更信息", "", "management"),
            (
                "关于启动2026年度第2批次城镇建设用地征地工作的公告",
                "",
                "management",
            ),
            ("城东镇2026年“双随机”联合检查任务清单", "", "management"),
            // A plan out for comment is a decision in the making; a division change approved too.
            (
                "城东镇国土空间总体规划（2021-2035年）批前公示",
                "",
                "decision",
            ),
            (
                "城北片区控制性详细规划（修改）批前公示",
                "城乡规划",
                "decision",
            ),
            (
                "省人民政府关于同意撤销城东乡设立城东镇的批复",
                "",
                "decision",
            ),
            // Standing answers on how to obtain a service, and their guides.
            ("医保卡丢了怎么补办？", "", "service"),
            ("开一家理发店需要办哪些证？", "办事问答", "service"),
            ("跨省异地就医备案操作指引", "", "service"),
            ("2027年春季电工技能培训班招生简章", "", "service"),
            ("城东镇中心幼儿园2026年秋季新生入园登记公告", "", "service"),
            ("城区献血屋地址及开放时间", "", "service"),
            // Rumours and consultation feedback are the unit answering the public.
            ("网传“我县将取消农村低保”系不实信息", "", "interaction"),
            (
                "关于“城东镇将整体搬迁”网络传言的澄清",
                "回应关切",
                "interaction",
            ),
            (
                "《城东镇村庄规划》草案公示期间意见处理情况",
                "",
                "interaction",
            ),
            // Results: a selection's candidates, placements, enforcement figures, a reply.
            (
                "第六批县级非物质文化遗产代表性项目名录拟入选项目",
                "",
                "result",
            ),
            ("2026年第二批公益性岗位拟安置人员公示", "", "result"),
            ("县市场监管局2026年度行政执法数据", "", "result"),
            (
                "对县人大代表王某提出的“关于增设停车位的建议”的答复",
                "",
                "result",
            ),
            // A Q&A on a named policy is its interpretation.
            ("八问八答｜《城乡居民医保缴费办法》", "", "interpretation"),
            // The unit's profile is none of the five disclosures.
            ("县统计局机构简介", "机构信息", "other"),
        ]);
        assert_areas(&[
            (
                "2026年第一季度行政处罚信息（县应急管理局）",
                "双公示",
                Some("safety"),
            ),
            (
                "县住建局到各乡镇巡查农村危房改造质量",
                "",
                Some("land_housing"),
            ),
            (
                "关于受理2026年低收入群体危房改造申请的公告",
                "",
                Some("land_housing"),
            ),
            (
                "关于城东镇2026年第2批次城镇建设用地征地补偿安置方案",
                "",
                Some("land_housing"),
            ),
            (
                "县教育体育局2026年“三公”经费预算情况说明",
                "",
                Some("fiscal"),
            ),
            (
                "关于规范行政裁量权基准制定和管理工作的实施意见",
                "",
                Some("law_enforcement"),
            ),
            ("2026年县政府投资计划", "", Some("major_projects")),
            ("农村订单定向医学生培养实施方案", "", Some("health")),
            ("关于加强校外培训机构监管的通知", "", Some("education")),
            ("城东大桥封闭维修 过往车辆请绕行", "", Some("planning")),
            ("城市绿线管理办法", "", Some("planning")),
            (
                "关于城东小区夜间施工噪音扰民的回复",
                "",
                Some("environment"),
            ),
            (
                "“村BA”开赛 城东镇农民篮球赛火热进行",
                "",
                Some("culture_sports"),
            ),
            ("DRG付费改革推进情况", "", Some("health")),
        ]);
    }

    #[test]
    fn what_a_county_department_publishes() {
        assert_categories(&[
            ("城东村“村晚”精彩上演", "", "routine"),
            ("县农业农村局组织农技人员下田指导秋收", "", "routine"),
            ("县人社局：“春风行动”送岗位进村入户", "", "routine"),
            (
                "城东镇关于城东村片区集体土地征收启动的公告",
                "",
                "management",
            ),
            (
                "建设工程规划许可批后公布（城东花园二期）",
                "城乡规划",
                "management",
            ),
            (
                "关于公布县级行政执法事项清单（2026年版）的通知",
                "",
                "management",
            ),
            (
                "县医疗保障局关于解除某某药店医保服务协议的公告",
                "",
                "management",
            ),
            (
                "关于县人大代表《关于提高农村低保标准的建议》的答复",
                "",
                "result",
            ),
            (
                "关于网民留言“新生入学是否需要房产证”的回复",
                "互动交流",
                "interaction",
            ),
        ]);
        assert_areas(&[
            // Personnel items and site furniture name no area, whoever publishes them.
            ("县教育局关于王某等同志任职的通知", "人事信息", None),
            ("关于免去李某同志县医疗保障局副局长职务的通知", "", None),
            ("关于县卫健局门户网站暂停服务的公告", "", None),
            ("县卫健局2026年春节假期值班安排", "", None),
            // A unit's internal life names no area; a phrase is no subject.
            ("县财政局组织党员赴红色教育基地开展主题党日活动", "", None),
            ("文明祭扫 绿色清明倡议书", "", None),
            // Housing work, public letting and sports meets decide wherever they stand.
            (
                "县住建局召开保障性租赁住房项目建设调度会",
                "",
                Some("land_housing"),
            ),
            (
                "县财政局关于国有资产门面房公开招租的公告",
                "",
                Some("public_resources"),
            ),
            ("城东镇举办第三届农民趣味运动会", "", Some("culture_sports")),
            (
                "城东中学运动场改造工程施工招标更正公告",
                "",
                Some("public_resources"),
            ),
            (
                "2026年第三季度乡村建设规划许可证核发情况公示",
                "",
                Some("planning"),
            ),
            (
                "关于城区居民生活用水价格调整方案的听证公告",
                "",
                Some("planning"),
            ),
            (
                "县教体局召开2026年秋季开学工作部署会",
                "",
                Some("education"),
            ),
            (
                "城东镇开展“民法典”宣传进村入户活动",
                "",
                Some("law_enforcement"),
            ),
        ]);
    }

    #[test]
    fn borderline_items_by_the_precedence_rules() {
        assert_categories(&[
            // Supervision carried out, and a meeting that heard a report, are news (rules 3, 5)…
            (
                "县政府督查室对重点工作任务落实情况开展专项督查",
                "",
                "routine",
            ),
            ("县水利局开展水库安全度汛专项督查", "", "routine"),
            (
                "县人大常委会听取和审议县政府关于民生实事项目进展情况的报告",
                "",
                "routine",
            ),
            ("县委常委会会议传达学习省委巡视反馈意见", "", "routine"),
            ("城东街道召开12345热线工单办理推进会", "", "routine"),
            // …the state of the work is execution.
            ("2026年衔接资金项目实施进度公示", "", "execution"),
            ("城东片区棚户区改造房屋征收签约率达98%", "", "execution"),
            (
                "“我为群众办实事”项目清单销号情况（上半年）",
                "重点工作",
                "execution",
            ),
            (
                "县级领导联系重点项目推进一览（第三季度）",
                "重点项目",
                "execution",
            ),
            // Notices that serve citizens are services, not decisions or management.
            ("创业担保贷款申请条件是什么？", "政策问答", "service"),
            ("12348公共法律服务热线服务时间调整的公告", "", "service"),
            ("防溺水安全提示——这些水域禁止下水游泳", "", "service"),
            ("义务教育阶段随迁子女入学申请材料清单", "", "service"),
            (
                "水稻完全成本保险开始投保——投保方式及保费标准",
                "",
                "service",
            ),
            ("因管网改造 城北片区6月18日暂停供水", "", "service"),
            ("城区公厕分布一览表", "", "service"),
            ("“一件事一次办”集成套餐目录", "", "service"),
            // The regulator's acts, whatever form they take.
            ("关于拟征收城东村集体土地的告知书", "", "management"),
            (
                "拟作出审批决定的建设项目环境影响评价文件公示（第9期）",
                "",
                "management",
            ),
            ("城东花园项目建设工程竣工规划核实公示", "", "management"),
            ("县应急管理局责令限期整改指令书", "", "management"),
            ("关于暂扣某某建筑公司安全生产许可证的决定", "", "management"),
            (
                "重大劳动保障违法行为社会公布（2026年第二批）",
                "",
                "management",
            ),
            ("城东镇乡村建设规划许可证发放公示", "", "management"),
            ("关于同意设置城东康复医院的批复", "", "management"),
            ("城东镇履行职责事项清单", "", "management"),
            (
                "2026年第3批建筑施工企业安全生产许可证延期名单",
                "",
                "management",
            ),
            // Outcomes and figures.
            ("2026年10月份居民消费价格运行简析", "", "result"),
            ("关于“规范校外培训机构管理”的建议答复", "", "result"),
            ("2026年第3期药品质量抽检结果通告", "", "result"),
            ("城东镇特困人员救助供养对象名册（第四季度）", "", "result"),
            ("县级救灾物资发放登记表", "", "result"),
            ("城东村2026年第四季度农村低保对象", "村务公开", "result"),
            ("2026年第一批农机购置补贴兑付明细表", "", "result"),
            ("2026年度县级“最美家庭”拟推荐对象", "", "result"),
            ("全县2026年度粮食产量", "", "result"),
            // A document about proposal handling is a decision; readings of policies are interpretations.
            (
                "关于印发《县人大代表建议和政协委员提案办理工作规定》的通知",
                "",
                "decision",
            ),
            ("2026年县政府投资项目年度安排", "重大建设项目", "decision"),
            (
                "读懂临时救助新政：救助对象、标准和程序",
                "",
                "interpretation",
            ),
            (
                "《城东县保障性租赁住房管理办法》出台背景及主要内容",
                "",
                "interpretation",
            ),
            (
                "新修订《公共租赁住房配租管理细则》主要变化",
                "",
                "interpretation",
            ),
            // Rumours and consultation feedback; media reports; site furniture.
            ("网传“滨江路将封闭施工半年”消息不实", "", "interaction"),
            (
                "《城东县养犬管理办法（征求意见稿）》意见建议吸纳情况",
                "",
                "interaction",
            ),
            (
                "中国青年报：城东镇“稻虾共作”走出致富路",
                "媒体聚焦",
                "routine",
            ),
            ("烈士纪念日 各界群众向人民英雄敬献花篮", "", "routine"),
            ("县机关事务服务中心关于启用新印章的公告", "", "other"),
            ("关于征订《城东年鉴（2026）》的通知", "", "other"),
        ]);
        assert_areas(&[
            // Enforcement in a named sector takes that sector; a sector's safety is safety.
            (
                "县人大常委会执法检查组赴乡镇检查食品安全法实施情况",
                "",
                Some("food_drug"),
            ),
            (
                "关于城东建材公司违法排放大气污染物按日连续处罚决定书",
                "",
                Some("environment"),
            ),
            ("冬季燃气使用安全提示", "", Some("safety")),
            ("关于汛前检查发现问题整改落实情况的通报", "", Some("safety")),
            ("退休人员养老金发放银行卡变更须知", "", Some("employment")),
            ("关于限期自行拆除城东村违法建筑的公告", "", Some("planning")),
            (
                "关于促进房地产市场平稳健康发展的若干措施",
                "",
                Some("land_housing"),
            ),
            ("关于统筹整合使用财政涉农资金的实施方案", "", Some("rural")),
            ("衡南市监处罚〔2026〕47号", "行政处罚", Some("food_drug")),
            (
                "关于网民反映城南农贸市场缺斤少两问题的调查处理情况",
                "",
                Some("food_drug"),
            ),
            ("县住建局关于第128号建议的会办意见", "", None),
            ("网站无障碍及适老化使用帮助", "", None),
        ]);
    }

    #[test]
    fn headlines_and_replies_of_every_category() {
        assert_categories(&[
            // A policy announced in a headline is the decision made known.
            (
                "事关养老！城东县居家和社区养老服务改革实施方案出台",
                "",
                "decision",
            ),
            (
                "最高奖励50万元！我县出台支持科技创新“十条措施”",
                "",
                "decision",
            ),
            // Sign-ups opening and events days away are services.
            ("快来！春风行动专场招聘会本周六举行", "", "service"),
            ("免费！县图书馆寒假少儿阅读活动开始报名", "", "service"),
            (
                "家长请注意！城区小学一年级新生网上登记7月10日开始",
                "",
                "service",
            ),
            (
                "“百日千万”网络招聘专项行动岗位信息（第三批）",
                "就业创业",
                "service",
            ),
            // Milestones, lists published, a report with a kicker, a reply.
            (
                "交房倒计时！城东保障性安居工程进入竣工验收阶段",
                "",
                "execution",
            ),
            (
                "已建成2.8万亩！今年高标准农田建设任务完成过半",
                "重点工作",
                "execution",
            ),
            (
                "谁来管？管什么？县应急管理局权力清单和责任清单公布",
                "",
                "management",
            ),
            ("成绩单出炉！2026年城东县经济运行情况", "", "result"),
            ("答卷亮眼——县人社局2026年工作总结", "", "result"),
            (
                "“关于加强乡村学校心理健康教育的提案”答复（政协第56号）",
                "",
                "result",
            ),
            // Readings in every form.
            ("长图｜残疾人两项补贴提标政策要点", "", "interpretation"),
            (
                "新在哪？《城东县国土空间总体规划》十大看点",
                "",
                "interpretation",
            ),
            (
                "你问我答｜新修订《妇女权益保障法》",
                "政策解读",
                "interpretation",
            ),
            // Answers to one person's message, however phrased.
            (
                "您反映的“城区夜间施工噪音扰民”问题已处理",
                "",
                "interaction",
            ),
            (
                "对“县图书馆周一闭馆能否调整”的回复",
                "互动交流",
                "interaction",
            ),
            (
                "网络问政｜网友反映城关镇幼儿园收费过高 县教育局：将开展专项核查",
                "",
                "interaction",
            ),
            ("城关镇概况", "乡镇概况", "other"),
        ]);
        assert_areas(&[
            ("镇党委理论学习中心组开展第8次集中学习", "工作动态", None),
            ("2026年十件民生实事“期中考”", "重点工作", None),
            ("我县顺利完成2026年度征兵体检工作", "", None),
            ("县审计局组织全体干部观看警示教育片", "", None),
            ("县财政局召开专题民主生活会", "", None),
            (
                "关于网传“县第二中学将整体搬迁”的回应",
                "",
                Some("education"),
            ),
            (
                "关于城东街道城中村改造群众关切问题的回应",
                "回应关切",
                Some("land_housing"),
            ),
            (
                "县财政局负责人就《政府采购内部控制管理办法》答记者问",
                "",
                Some("public_resources"),
            ),
            (
                "走进沙河街道“长者食堂”：一碗热饭暖民心",
                "",
                Some("social_assistance"),
            ),
            ("我县与常熟市签订劳务协作框架协议", "", Some("employment")),
            (
                "关于将未按时报送年报的企业列入经营异常名录的公告",
                "",
                Some("food_drug"),
            ),
            (
                "关于网友反映龙湖小区夜间施工扰民问题的回复",
                "",
                Some("environment"),
            ),
        ]);
    }

    #[test]
    fn plain_items_of_other_provinces() {
        assert_categories(&[
            (
                "城东县人民政府关于调整城区集中供热价格的通告",
                "",
                "decision",
            ),
            ("城东县“村超”赛事组织规范（试行）", "", "decision"),
            ("城东县2026年河湖长制工作开展情况", "生态环境", "execution"),
            (
                "G213线城东段公路改建工程建设情况（2026年第三季度）",
                "",
                "execution",
            ),
            (
                "关于2026年第三季度全县重点工作“红黄绿”亮灯情况的通报",
                "",
                "execution",
            ),
            (
                "城东北岔风电场100MW项目核准的批复",
                "重大建设项目",
                "management",
            ),
            (
                "城东县某诊所使用非卫生技术人员从事医疗卫生技术工作案",
                "",
                "management",
            ),
            ("城东县2026年下半年普通话水平测试安排", "", "service"),
            ("2026年秋季学期普通高中国家助学金受助学生", "教育", "result"),
            (
                "对《关于加快城区老旧小区改造的建议》的办理回复",
                "",
                "result",
            ),
            ("漫画｜《城东县文明行为促进条例》来了", "", "interpretation"),
            ("网传“红旗水库溃坝”系谣言 请勿轻信转发", "", "interaction"),
            (
                "《城东县保障性租赁住房管理细则（征求意见稿）》意见吸收情况",
                "",
                "interaction",
            ),
            ("旧版网站信息查询入口", "", "other"),
        ]);
        assert_areas(&[
            ("城东县控辍保学工作责任追究细则", "", Some("education")),
            (
                "城东蓝天职业培训学校办学许可证（延续）",
                "",
                Some("education"),
            ),
            (
                "2026年城东县公开招聘中小学教师拟聘用人员",
                "",
                Some("education"),
            ),
            ("2026年城东县公开招聘社区工作者公告", "", Some("employment")),
            ("网传“红旗水库溃坝”系谣言 请勿轻信转发", "", Some("safety")),
            (
                "兴隆街道：一碗热饭暖了独居老人的胃",
                "",
                Some("social_assistance"),
            ),
            (
                "小庭院“长”出增收大产业——城东镇发展庭院经济见闻",
                "",
                Some("rural"),
            ),
            ("全力应对强降雪天气 保障群众出行安全", "", Some("safety")),
        ]);
    }

    #[test]
    fn a_national_regulators_columns() {
        assert_categories(&[
            // A column of regulatory news is a news column, not a licensing one.
            (
                "原某银保监局局长某某接受纪律审查和监察调查",
                "监管动态",
                "routine",
            ),
            (
                "国家金融监督管理总局2026年公开遴选拟任职人员公示公告",
                "公告通知",
                "result",
            ),
            (
                "关于某某人寿保险股份有限公司修改公司章程的批复",
                "行政许可",
                "management",
            ),
            (
                "关于某某财产保险股份有限公司副总经理任职资格的批复",
                "行政许可",
                "management",
            ),
            (
                "银行业金融机构董事和高级管理人员任职资格核准服务指南",
                "",
                "service",
            ),
            (
                "关于《银行业金融机构董事和高级管理人员任职资格管理办法（征求意见稿）》公开征求意见的公告",
                "征求意见",
                "decision",
            ),
            ("2026年商业银行主要监管指标情况表", "统计信息", "result"),
            ("新闻发言人名单", "", "other"),
        ]);
        assert_areas(&[
            (
                "关于某某养老保险股份有限公司副总经理任职资格的批复",
                "",
                None,
            ),
            (
                "关于《银行保险机构数据安全管理办法》公开征求意见的公告",
                "",
                None,
            ),
            ("2026年网络安全宣传周活动启动", "", None),
        ]);
    }

    #[test]
    fn plain_forms_of_services_management_and_results() {
        assert_categories(&[
            (
                "“3·15”消费者权益日 县市场监管局街头设点迎咨询",
                "工作动态",
                "routine",
            ),
            ("全县第四季度重大项目集中开工 总投资38.6亿元", "", "routine"),
            (
                "县长主持召开县政府第36次常务会议 研究2027年县级预算草案等事项",
                "政务要闻",
                "routine",
            ),
            (
                "县农业农村局贯彻落实2026年中央一号文件工作情况",
                "",
                "execution",
            ),
            (
                "城东镇2026年落实“过紧日子”要求情况",
                "财政信息",
                "execution",
            ),
            (
                "中央生态环境保护督察组交办信访件边督边改情况（第十二批）",
                "",
                "execution",
            ),
            (
                "灵活就业人员参加职工养老保险线上缴费操作说明",
                "",
                "service",
            ),
            ("2026年第三期职业技能等级认定考评安排", "", "service"),
            ("异地就医直接结算备案办理材料", "医疗保障", "service"),
            ("2026年度保障性租赁住房配租登记公告", "", "service"),
            ("法律援助申请指引", "公共法律服务", "service"),
            ("婚姻登记预约方式", "婚姻登记", "service"),
            ("无偿献血固定点位及采血时间", "", "service"),
            (
                "县行政审批局政务服务事项目录（2026年版）",
                "服务事项",
                "service",
            ),
            ("2026年10月道路运输经营许可信息公示", "双公示", "management"),
            ("县行政执法事项目录（2026年版）", "行政执法", "management"),
            (
                "县司法局关于公布全县行政执法人员名单的公告",
                "",
                "management",
            ),
            ("城东村集体土地征收告知书", "征地信息", "management"),
            (
                "县教育局关于同意某某艺术培训学校终止办学的批复",
                "",
                "management",
            ),
            ("2026年9月全县生产安全事故情况通报", "统计数据", "result"),
            (
                "城东镇2026年耕地地力保护补贴面积及补贴金额一览表",
                "惠农补贴",
                "result",
            ),
            (
                "关于2026年度县级科技计划项目立项评审结果的公示",
                "通知公告",
                "result",
            ),
            ("2026年上半年各乡镇农村人居环境整治考评排名", "", "result"),
            (
                "2026年雨露计划补助资金发放公示（春季学期）",
                "乡村振兴",
                "result",
            ),
            ("2026年9月地表水国控断面水质月报", "", "result"),
            ("2026年度企业环境信用评价结果", "生态环境", "result"),
            (
                "关于12批次食用农产品抽检不合格情况的通告",
                "食品安全",
                "result",
            ),
            (
                "第三期“县长在线”访谈：聚焦冬季城区集中供暖",
                "在线访谈",
                "interaction",
            ),
        ]);
        assert_areas(&[
            (
                "县领导到化工园区督导突出生态环境问题整改工作",
                "",
                Some("environment"),
            ),
            (
                "2026年“美丽乡村”篮球联赛总决赛开赛",
                "文旅动态",
                Some("culture_sports"),
            ),
            (
                "2026年度特种作业人员安全技术考核报名安排",
                "",
                Some("safety"),
            ),
            ("2026年第二批县级科技计划项目立项名单公示", "", None),
            (
                "城东县开展财会监督专项行动 守牢惠民惠农资金“安全线”",
                "",
                Some("fiscal"),
            ),
            (
                "关于网民关注城东高铁站线路走向问题的回应",
                "",
                Some("major_projects"),
            ),
            (
                "城东县2026年第三批农村集体产权交易成交公示",
                "",
                Some("public_resources"),
            ),
            (
                "城东镇2026年第二批农村低收入群体住房安全保障对象名单公示",
                "",
                Some("land_housing"),
            ),
            (
                "县住建局负责同志到城东安置小区查看交房准备工作",
                "",
                Some("land_housing"),
            ),
            ("关于网友反映晚稻收割后烘干难问题的回复", "", Some("rural")),
            (
                "2027年春风行动城东广场专场招聘会岗位信息",
                "",
                Some("employment"),
            ),
            (
                "关于某某建材公司商品混凝土项目环境影响报告表的批复",
                "",
                Some("environment"),
            ),
            ("关于谨防误食野生菌的消费提示", "", Some("food_drug")),
            (
                "绘就美丽乡村新画卷——城东镇人居环境整治见闻",
                "",
                Some("environment"),
            ),
        ]);
    }

    #[test]
    fn figures_of_progress_and_lists_of_the_key_areas() {
        assert_categories(&[
            // The state of the work, told by its figures.
            (
                "城东县：前三季度重点项目完成年度投资计划的81.6%",
                "重点项目",
                "execution",
            ),
            (
                "违建治理清单化：今年排查的312处违建已拆除268处",
                "",
                "execution",
            ),
            ("河道清淤整治过半 完成清淤43公里", "", "execution"),
            (
                "公办幼儿园学位扩充：新增学位1260个 完成年度任务的84%",
                "",
                "execution",
            ),
            (
                "8个月完成全年目标的76%——全县保障性住房建设跑出“加速度”",
                "",
                "execution",
            ),
            (
                "城东街道2026年度为民办实事项目清单执行进度（截至10月31日）",
                "",
                "execution",
            ),
            (
                "城东县2026年第三季度重点项目建设台账",
                "重点项目",
                "execution",
            ),
            // …but a leader urging progress on a visit is news.
            ("副县长带队督导全县重点项目建设进度", "", "routine"),
            (
                "小网格连着大民生｜城东镇网格员走家入户摸排需求",
                "",
                "routine",
            ),
            ("政协委员深入社区听取居民对加装电梯的意见", "", "routine"),
            ("城东社区“邻里节”热闹开场", "", "routine"),
            // Services named by their content.
            ("城东零工驿站12月用工信息汇总", "就业创业", "service"),
            ("“村晚”来了！1月18日起各乡镇巡演时间地点", "", "service"),
            ("县图书馆少儿阅览室寒假延时开放", "通知公告", "service"),
            ("主汛期山洪地质灾害避险转移路线图（城东乡）", "", "service"),
            ("森林防火期野外用火注意事项", "", "service"),
            ("医保电子凭证激活使用步骤", "医疗保障", "service"),
            ("政府采购供应商注册登记指引", "公共资源交易", "service"),
            // Results named by their content.
            ("2026年城区公租房第二批配租摇号顺序号", "住房保障", "result"),
            ("城东镇2026年稻谷目标价格补贴到户清册", "财政补贴", "result"),
            (
                "县市场监管局第49周城区主要食品价格监测",
                "价格监测",
                "result",
            ),
            (
                "食品安全监督抽检信息通告（2026年第18期）",
                "抽检信息",
                "result",
            ),
            ("2026年第四季度药品质量抽查检验结果", "", "result"),
            (
                "县市场监管局2026年第二批双随机抽查情况公示",
                "双随机一公开",
                "result",
            ),
            (
                "2026年第三季度安全生产执法检查发现问题隐患清单",
                "安全生产",
                "result",
            ),
            ("2026年度民办学校年检结论", "", "result"),
            ("拟确认安全生产标准化三级达标企业公示", "", "result"),
            ("城区公租房2026年度资格年审通过家庭", "住房保障", "result"),
            // The regulator's acts named by their content.
            ("城南农贸市场12间门面三年租赁权公开招租", "", "management"),
            ("动物防疫条件合格证核发公告", "", "management"),
            ("城东镇2027年第一季度村道养护工程询价采购", "", "management"),
            (
                "城东经开区管委会2026年第2批拟提拔任用干部人选公示",
                "",
                "management",
            ),
            (
                "2026年第四季度餐饮服务单位日常检查安排",
                "市场监管",
                "management",
            ),
            // Decisions and readings named by their form.
            ("《城东经开区营商环境优化提升二十条》", "", "decision"),
            (
                "城东县征地区片综合地价（2026年调整）",
                "征地信息",
                "decision",
            ),
            (
                "关于《城东县城乡居民临时救助实施细则》的说明",
                "",
                "interpretation",
            ),
            (
                "带你了解《城东县促进消费十条政策措施》",
                "",
                "interpretation",
            ),
            (
                "三分钟看懂城乡居民养老保险缴费档次新变化（视频）",
                "政策解读",
                "interpretation",
            ),
            (
                "县教育局负责人就《学前教育普惠发展若干措施》答问",
                "",
                "interpretation",
            ),
            (
                "局长谈政策｜稳岗返还“免申即享”是怎么回事？",
                "",
                "interpretation",
            ),
            // The public answered; site furniture.
            (
                "群众反映城东小区二次供水水压不足问题办理情况",
                "回应关切",
                "interaction",
            ),
            (
                "关于市民反映人民医院周边停车难问题的说明",
                "",
                "interaction",
            ),
            (
                "关于城东片区老旧小区改造方案公众意见的反馈",
                "回应关切",
                "interaction",
            ),
            ("关于停止运营“城东发布”微信公众号的声明", "", "other"),
        ]);
        assert_areas(&[
            ("65岁及以上老年人免费体检时间安排", "", Some("health")),
            (
                "建设工程规划许可证批前公示（城东安置小区二期）",
                "规划公示",
                Some("planning"),
            ),
            ("对某某大药房违规使用医保基金的处理决定", "", Some("health")),
            ("关于城市生命线安全工程建设进度的通报", "", Some("safety")),
            (
                "“煤改气”“煤改电”已完成改造4300户 剩余农户年底前通气",
                "",
                Some("environment"),
            ),
            ("城东镇党委书记带队察看河道防汛设施", "", Some("safety")),
            ("县人大常委会组织部分代表视察民生实事项目建设", "", None),
            ("市委第三巡察组巡察县住建局党组工作动员会召开", "", None),
            (
                "把课堂搬进车间——县职教中心与12家企业签订校企合作协议",
                "",
                Some("education"),
            ),
            ("国庆前夕 县领导检查节日市场保供稳价", "", Some("food_drug")),
            (
                "上新！我县第5家“城市书房”在滨河公园揭牌",
                "",
                Some("culture_sports"),
            ),
            ("央视关注我县零工市场建设", "", Some("employment")),
        ]);
    }

    #[test]
    fn national_documents_and_their_areas() {
        assert_categories(&[
            // 信息公开信息 holds no open letter (公开信).
            (
                "关于印发《政府信息公开信息处理费管理办法》的通知",
                "",
                "decision",
            ),
            // A letter that agrees to set something up is a decision, not news of a meeting.
            (
                "关于同意建立城乡供水一体化部门联席会议制度的函",
                "",
                "decision",
            ),
            ("关于城东大运河博物馆冠名问题的函", "", "decision"),
            (
                "县政府批转县农业农村局关于加强种子工作的报告",
                "",
                "decision",
            ),
            (
                "关于对2026年节能减排工作成绩突出的乡镇给予表扬的通报",
                "",
                "result",
            ),
            ("关于发布《县级预算调节基金征集办法》的通知", "", "decision"),
            (
                "年底前出台措施 解决老年人运用智能技术最迫切问题",
                "",
                "decision",
            ),
            ("关于调整县住房制度改革领导小组成员的通知", "", "management"),
            ("关于同意新建城东通用机场的批复", "", "management"),
            ("关于某某发展公司经营范围的批复", "", "management"),
        ]);
        assert_areas(&[
            ("关于调整县残疾人工作委员会组成人员的通知", "", None),
            ("关于同意新建城东民用机场的批复", "", Some("major_projects")),
            (
                "财政部 民政部关于印发《救灾资金管理暂行办法》的通知",
                "",
                Some("social_assistance"),
            ),
            ("质量技术监督行政处罚程序规定", "", Some("food_drug")),
            (
                "关于同意建立反不正当竞争部门联席会议制度的函",
                "",
                Some("food_drug"),
            ),
            (
                "关于加强行政规范性文件制定和监督管理工作的通知",
                "",
                Some("law_enforcement"),
            ),
            (
                "我县未来5年将投资3亿元为病险水库“体检治病”",
                "",
                Some("safety"),
            ),
            (
                "关于进一步加强塑料污染治理的实施方案",
                "",
                Some("environment"),
            ),
            (
                "农业农村部关于设立长江口禁捕管理区的通告",
                "",
                Some("environment"),
            ),
            ("关于倡导无烟家庭建设的通知", "", Some("health")),
            ("关于促进林下经济高质量发展的意见", "", Some("rural")),
            (
                "发展改革委关于发布《商品房销售明码标价规定》的通知",
                "",
                Some("land_housing"),
            ),
        ]);
    }

    #[test]
    fn an_unmarked_sentence_is_read_as_a_headline_when_nothing_else_decides() {
        assert_categories(&[
            ("城东古镇沉浸秀演绎茶香与民俗风情", "", "routine"),
            ("120年老厂新型铁路货车享誉全球", "", "routine"),
            // Short names, and sentences that end as a notice or a list, stay other.
            ("城东工业略谈", "", "other"),
            ("城东古镇历史沿革和地名由来的说明", "", "other"),
            ("城东县人民政府网站栏目设置一览", "", "other"),
            // Column evidence still comes first.
            (
                "城东古镇沉浸秀演绎茶香与民俗风情",
                "政策解读",
                "interpretation",
            ),
        ]);
        let v = Classifier::builtin().classify("120年老厂新型铁路货车享誉全球", "", "");
        assert_eq!(&*v.rule, "routine.unmarked_headline");
        assert_eq!(v.matched, [Arc::from("字数:16")]);
    }

    #[test]
    fn a_national_interpretation_column_holds_more_than_readings() {
        assert_categories(&[
            // Commentaries and the statistics office's answers are not readings of a policy.
            ("新华时评：改革不遗余力", "政策解读", "routine"),
            (
                "新闻分析：抓好落地见效 巩固经济回稳向上基础",
                "政策解读",
                "routine",
            ),
            (
                "国家统计局新闻发言人就2026年10月份国民经济运行情况答记者问",
                "政策解读",
                "result",
            ),
            (
                "2026《政府工作报告》回顾过去一年亮点数据",
                "政策解读",
                "result",
            ),
            // A new policy announced in a headline is the decision made known.
            (
                "到2035年我国将建成现代化长江干线港口体系",
                "政策解读",
                "decision",
            ),
            ("两部门发文提出16条知识产权支持举措", "政策解读", "decision"),
            ("跨境电商综合试验区再扩围", "政策解读", "decision"),
            (
                "《绿色低碳转型产业指导目录（2026年版）》发布",
                "政策解读",
                "decision",
            ),
            // A title with no signal of its own in the column is a reading.
            ("依法保护地下水，“渴”不容缓", "政策解读", "interpretation"),
        ]);
        assert_areas(&[
            ("今年赤字率为何拟按3%安排？", "政策解读", Some("fiscal")),
            ("如何理解发行超长期特别国债？", "政策解读", Some("fiscal")),
            (
                "依法保护地下水，“渴”不容缓",
                "政策解读",
                Some("environment"),
            ),
            (
                "母乳喂养促进行动计划（2026-2030年）文件解读",
                "",
                Some("health"),
            ),
            (
                "更好守护“一老一小”，这些新举措来了",
                "",
                Some("social_assistance"),
            ),
            (
                "文体旅多业态深度融合——全链条激发冰雪经济活力",
                "",
                Some("culture_sports"),
            ),
            ("规范透明促PPP高质量发展", "", Some("major_projects")),
            (
                "关于运用专项债券资金收回收购存量闲置土地的通知",
                "",
                Some("land_housing"),
            ),
            ("继续医学教育学分管理有了新办法", "", Some("health")),
            ("全国碳市场第三个履约期清缴启动", "", Some("environment")),
        ]);
    }

    #[test]
    fn replies_licences_and_services_in_their_real_forms() {
        assert_categories(&[
            // Replies to deputies and proposals, however phrased, are results…
            (
                "县卫生健康委员会关于《关于加强乡村医生队伍建设的提案》的复函",
                "",
                "result",
            ),
            (
                "县乡村振兴局对刘某代表《关于巩固脱贫成果的建议》办理情况的答复",
                "",
                "result",
            ),
            // …but the work of handling them, reported as news or directed, is not.
            ("县政协主席带队视察重点提案办理情况", "政务动态", "routine"),
            (
                "县人大常委会组织代表开展建议办理“回头看”活动",
                "",
                "routine",
            ),
            (
                "关于做好2027年度人大代表建议和政协委员提案办理工作的通知",
                "",
                "decision",
            ),
            // Answers to one person, and figures of the answering.
            ("关于王某某信访事项的处理意见书", "", "interaction"),
            (
                "关于咨询公租房申请审核进度的回复",
                "县长信箱",
                "interaction",
            ),
            (
                "关于近期群众关注的城区供水管网改造停水问题的回应",
                "回应关切",
                "interaction",
            ),
            (
                "2026年9月12345政务服务便民热线数据分析报告",
                "统计信息",
                "result",
            ),
            ("2026年第一季度政府网站留言办理情况统计表", "", "result"),
            ("县委书记接访日：面对面倾听群众诉求", "", "routine"),
            // Licences and acts on one applicant, in the form of a 批复 or 决定.
            (
                "关于同意某某人力资源公司变更人力资源服务许可事项的批复",
                "行政许可",
                "management",
            ),
            ("关于同意设立城东小太阳幼儿园的批复", "", "management"),
            (
                "关于同意县中医医院增加康复医学科诊疗科目的批复",
                "行政许可",
                "management",
            ),
            ("关于同意设立城东街道的批复", "", "decision"),
            (
                "关于取消王某某等5户公租房保障资格的决定",
                "住房保障",
                "management",
            ),
            ("城东小区7#、8#楼商品房预售许可公示", "", "management"),
            (
                "县消防救援大队公众聚集场所投入使用前消防安全检查合格证信息公示",
                "双公示",
                "management",
            ),
            (
                "2026年第9批次城镇建设用地征收土地启动公告",
                "征地信息",
                "management",
            ),
            // Services named by what a citizen needs to know.
            (
                "城东县2026年第四季度重点企业用工岗位需求一览表",
                "就业服务",
                "service",
            ),
            ("企业职工退休“一件事”联办指南", "一件事一次办", "service"),
            (
                "收藏！七年级新生报到时间、地点及携带材料一览",
                "",
                "service",
            ),
            (
                "关于规范民办义务教育学校招生行为的通知",
                "政策文件",
                "decision",
            ),
            (
                "我县出台稳就业“十二条”——灵活就业人员最高补贴5000元",
                "政策文件",
                "decision",
            ),
            ("2026年10月全县居民消费价格数据解读", "统计信息", "result"),
        ]);
        assert_areas(&[
            ("县人力资源和社会保障局2026年建议提案办理结果公开", "", None),
            (
                "关于治理城区夜间餐饮油烟扰民的建议的答复",
                "",
                Some("environment"),
            ),
            (
                "关于人民公园健身器材损坏的网友留言回复",
                "",
                Some("culture_sports"),
            ),
            (
                "关于网友反映森林公园附近有人野外用火的回复",
                "",
                Some("safety"),
            ),
            (
                "关于核发县人民医院《辐射安全许可证》的公告",
                "",
                Some("environment"),
            ),
            ("县卫生健康局关于解除赵某某聘用合同的决定", "人事信息", None),
            (
                "关于印发《城东县政府性债务风险应急处置预案》的通知",
                "",
                Some("fiscal"),
            ),
            ("城东县2026年度耕地轮作休耕试点实施方案", "", Some("rural")),
            (
                "城东县人社局2026年上半年\"三公\"经费支出情况",
                "",
                Some("fiscal"),
            ),
            (
                "关于2027年3月全国计算机等级考试报名的通知",
                "",
                Some("education"),
            ),
        ]);
    }

    #[test]
    fn completions_greetings_and_profile_columns() {
        assert_categories(&[
            // The work reported done is execution…
            (
                "城东乡2026年农村危房改造46户全部竣工验收",
                "重点工作",
                "execution",
            ),
            ("城东镇卫生院新住院楼正式投入使用", "乡镇动态", "execution"),
            ("东城街道完成辖区12处积水点改造", "城乡建设", "execution"),
            (
                "城北片区房屋征收签约工作完成 共签约386户",
                "房屋征收",
                "execution",
            ),
            ("城东镇2026年秋冬种完成油菜播种3.8万亩", "", "execution"),
            // …a ceremony, a meeting or a training about it is news, and its figures a result.
            ("城东镇卫生院新住院楼投入使用仪式举行", "", "routine"),
            ("城东镇顺利完成2026年度干部培训", "", "routine"),
            ("2026年“两癌”免费筛查完成数据", "", "result"),
            // Greetings and commemorations; a leaders' or contact column; empty columns.
            ("月圆人团圆｜城东县人民政府祝您中秋节快乐", "", "other"),
            ("缅怀伟人｜纪念毛泽东同志诞辰133周年", "", "other"),
            (
                "城东县举行纪念中国人民抗日战争胜利81周年座谈会",
                "",
                "routine",
            ),
            ("局长：王某某", "领导之窗", "other"),
            ("办公地址及联系方式", "机构概况", "other"),
            ("本栏目暂无公开内容", "建议提案办理", "other"),
            ("“政策解读”栏目说明", "政策解读", "other"),
            (
                "城东街道2026年中秋节、国庆节值班人员名单",
                "通知公告",
                "other",
            ),
            // Services in the form of a notice; results put forward.
            (
                "关于2026—2027年采暖季城区集中供暖开栓时间的通告",
                "",
                "service",
            ),
            ("关于滨河东路雨水管道施工临时占道的通告", "", "service"),
            ("关于红岩水库泄洪的紧急通告", "预警信息", "service"),
            ("关于2026年大学生乡村医生专项计划招聘的公告", "", "service"),
            (
                "2026年县直公立医院公开招聘卫生专业技术人员笔试安排",
                "人事考试",
                "service",
            ),
            (
                "城东县2026年“三支一扶”计划拟招募人员公示",
                "招考录用",
                "result",
            ),
            (
                "2026年第三季度全县农村人居环境整治检查评比结果",
                "人居环境",
                "result",
            ),
            ("一图读懂《2026年度法治政府建设情况报告》", "", "result"),
        ]);
        assert_areas(&[
            ("60岁以上老年人可免费接种流感疫苗", "", Some("health")),
            (
                "注意！11月5日起人民路（文化路至建设路段）封闭施工 请提前绕行",
                "",
                Some("planning"),
            ),
            (
                "关于2026年大学生乡村医生专项计划招聘的公告",
                "",
                Some("health"),
            ),
            ("向每一位奋斗者致敬！五一国际劳动节快乐", "", None),
            ("我县举行2026年全民国家安全教育日宣传活动", "", None),
        ]);
    }

    /// A catalogue column that names the work (statistics, major projects)
    /// outweighs campaign wording; a news column keeps it news.
    #[test]
    fn catalogue_columns_outweigh_campaign_wording() {
        assert_categories(&[
            (
                "2026年1-9月全县规上工业实现增加值18.3亿元",
                "统计信息",
                "result",
            ),
            (
                "城北污水处理厂提标改造项目建设有序推进",
                "重大项目",
                "execution",
            ),
            (
                "城北污水处理厂提标改造项目建设有序推进",
                "工作动态",
                "routine",
            ),
            ("县人民医院新院区建设项目正式启动", "", "execution"),
            ("2026年第一季度全县重点项目集中开工", "", "routine"),
            ("东风水库除险加固工程基本竣工", "", "execution"),
            (
                "关于同意将县康民大药房等12家零售药店纳入门诊统筹管理的公告",
                "",
                "management",
            ),
            ("图说《县农村集体资产管理办法》", "", "interpretation"),
            ("《县公益性岗位管理办法》释义", "", "interpretation"),
            ("灵活就业人员怎样缴纳城乡居民医保？", "政策问答", "service"),
            ("城关镇召开惠农补贴政策宣讲会", "政策解读", "routine"),
            ("县2025年本级财政决算草案", "", "result"),
        ]);
        assert_areas(&[
            ("2026年工作计划", "规划计划", None),
            ("城关镇2026年春季雨露计划补助名单", "", Some("rural")),
            ("镇2026年大春经济作物产量统计", "", Some("rural")),
            ("新增入库储备项目5个", "", Some("major_projects")),
            ("2026年1-6月资金争取情况", "", Some("fiscal")),
        ]);
    }

    /// Items as a crawl finds them, each in its column.
    #[test]
    fn crawled_items_in_their_columns() {
        assert_categories(&[
            ("2026年1-6月政务服务中心办件量", "统计信息", "result"),
            (
                "县人社局2026年公益性岗位补贴申报审核结果",
                "结果公开",
                "result",
            ),
            (
                "我县参加全市一季度经济运行调度视频会议",
                "政务动态",
                "routine",
            ),
            (
                "县级河长巡河履职情况通报（2026年第二季度）",
                "河长制",
                "execution",
            ),
            (
                "县卫生健康局2026年3月公共场所卫生许可公示",
                "行政许可",
                "management",
            ),
            ("2026年家庭医生签约服务包", "公共服务", "service"),
            (
                "“春风送岗”进乡村 市人社局把招聘会开到家门口",
                "部门动态",
                "routine",
            ),
            (
                "城东水厂正式通水 日供水能力提升至5万吨",
                "工作动态",
                "execution",
            ),
            ("村卫生室长期没有医生坐诊", "咨询投诉", "interaction"),
            ("镇干部职工集中学习《信访工作条例》", "工作动态", "routine"),
            (
                "2000余个岗位“送上门”——县“春风行动”现场招聘会吸引千余人入场",
                "工作动态",
                "routine",
            ),
            (
                "关于2026年第三季度全县政务服务“好差评”工作开展情况的通报",
                "政务督查",
                "execution",
            ),
        ]);
        assert_areas(&[
            ("街道召开学习贯彻主题教育动员部署会", "街道动态", None),
            ("县委书记深入企业车间调研开工复产", "图片新闻", None),
            (
                "养殖场臭味太大 严重影响周边居民生活",
                "网络问政",
                Some("environment"),
            ),
        ]);
    }

    /// Services, results, work states and residents' messages in the terse
    /// wording of grass-roots columns.
    #[test]
    fn grass_roots_services_results_and_messages() {
        assert_categories(&[
            (
                "关于北关村等3个村集体土地征收的启动公告",
                "征地信息公开",
                "management",
            ),
            (
                "关于对龙阳街道好又多超市不予行政处罚的决定",
                "行政处罚",
                "management",
            ),
            ("2026年“三支一扶”计划招募报名入口及说明", "", "service"),
            ("县2026年公开招聘农村小学教师40名", "", "service"),
            (
                "新生儿医保参保登记可在出生医院直接办理",
                "医保服务",
                "service",
            ),
            ("我县出台十条措施支持返乡入乡创业", "", "decision"),
            (
                "县2026年三季度重大项目开竣工情况",
                "重大建设项目",
                "execution",
            ),
            (
                "街道2026年第三季度“吹哨报到”问题办结情况",
                "重点工作",
                "execution",
            ),
            ("镇2026年公益性岗位拟聘人员公示", "公示公告", "result"),
            ("县2026年城乡居民医保参保缴费情况", "", "result"),
            ("县2026年茶园绿色防控补贴到户明细", "", "result"),
            ("2026年第三季度“好人”榜单", "", "result"),
            ("市2026年第三季度城镇调查失业率", "", "result"),
            ("该栏目信息正在整理中", "财政预决算", "other"),
            (
                "求职创业补贴申请三个月了还没到账",
                "政民互动",
                "interaction",
            ),
            ("我在县城打工5年 为什么公租房申请没通过", "", "interaction"),
            (
                "强烈要求彻查县二中违规收取补课费",
                "教育局长信箱",
                "interaction",
            ),
            ("创业担保贷款到哪里申请？", "政策问答", "service"),
            ("家政服务员免费培训开班 欢迎报名", "", "service"),
            ("最后一批危房改造户搬进新房", "", "execution"),
            ("全区餐饮单位“明厨亮灶”覆盖率达95%", "", "execution"),
        ]);
        assert_areas(&[
            ("该栏目信息正在整理中", "财政预决算", None),
            ("致全县退役军人的新春慰问信", "", None),
            (
                "大岭村养殖场臭气熏天 周边居民苦不堪言",
                "县长信箱",
                Some("environment"),
            ),
            ("学校门口小卖部卖三无辣条", "", Some("food_drug")),
            (
                "关于南环路施工封路时间过长的答复",
                "书记信箱",
                Some("planning"),
            ),
            ("2026年高职单招文化素质考试时间安排", "", Some("education")),
            ("入托入学儿童请查验预防接种证", "健康服务", Some("health")),
            ("城区30处易涝点改造全部完工", "住建动态", Some("planning")),
            (
                "区教育局组织开展师德师风专题学习",
                "部门动态",
                Some("education"),
            ),
            ("公主岭市第三批秸秆还田作业补助公示", "", Some("rural")),
            ("“田间课堂”送技到户助秋播", "乡镇动态", Some("rural")),
            ("关于撤销顺达驾驶员培训学校道路运输经营许可的决定", "", None),
        ]);
    }

    /// Key areas named by a crop, a facility, a designation or a hazard;
    /// personnel, profile and duty items name none.
    #[test]
    fn key_areas_by_specific_terms_and_none_for_unit_items() {
        assert_categories(&[
            (
                "关于对城南加油站未按规定开展安全风险辨识管控的行政处罚决定",
                "",
                "management",
            ),
            (
                "城乡居民养老保险待遇资格认证怎么办？",
                "政策问答",
                "service",
            ),
            ("流感高发季，这份疫苗接种指引请收好", "健康提示", "service"),
            (
                "关于2026年上半年重点工作任务清单销号情况的通报",
                "督查督办",
                "execution",
            ),
            ("县人大常委会视察城区集中供热工作", "", "routine"),
            (
                "县医疗保障局关于新增3家定点零售药店的公示",
                "",
                "management",
            ),
            ("县文物局关于双林寺彩塑保护修缮方案的批复", "", "management"),
            ("本网站将于11月22日进行系统升级维护", "网站公告", "other"),
        ]);
        assert_areas(&[
            (
                "县机关事务服务中心组织开展保密安全教育培训",
                "工作动态",
                None,
            ),
            (
                "2026年第二批拟推荐省级“一村一品”示范村公示",
                "",
                Some("rural"),
            ),
            (
                "关于群众反映石牛河部分河段水体发黑问题的回应",
                "回应关切",
                Some("environment"),
            ),
            ("县医保局领导班子成员及分工", "领导信息", None),
            ("本栏目暂无信息", "财政预决算", None),
            ("驻县财政局纪检监察组开展节前廉政提醒谈话", "工作动态", None),
            (
                "市“稻虾共作”产业发展三年行动计划",
                "规划计划",
                Some("rural"),
            ),
            (
                "全县15个村级互助幸福院全部建成投用",
                "",
                Some("social_assistance"),
            ),
            (
                "关于解除康宁大药房医保定点服务协议的公告",
                "",
                Some("health"),
            ),
            ("适龄儿童免费窝沟封闭预约须知", "", Some("health")),
            ("县卫生健康局启用新印章的公告", "", None),
            ("县教育局办公地址及联系方式", "机构信息", None),
            (
                "县住建局联合消防救援大队排查高层住宅消防隐患",
                "",
                Some("safety"),
            ),
            ("县数据局组织开展网络安全应急演练", "", None),
            (
                "县2026年第三批次城市建设用地征收土地预公告",
                "征地信息",
                Some("land_housing"),
            ),
            (
                "关于聘任刘海燕同志为县疾控中心副主任的通知",
                "人事信息",
                None,
            ),
            ("县应急管理局机构职能", "机构职能", None),
            ("县卫生健康局2026年国庆节值班表", "", None),
            (
                "响滩镇肉牛产业项目建设有序推进",
                "重大项目",
                Some("major_projects"),
            ),
            (
                "镇：脐橙春管技术培训送到田间地头",
                "乡镇动态",
                Some("rural"),
            ),
            (
                "县教育局开展秋季开学校园食品安全专项检查",
                "教育动态",
                Some("food_drug"),
            ),
            (
                "县自然资源局组织地灾隐患点群测群防员培训",
                "部门动态",
                Some("safety"),
            ),
            (
                "县财政局驻村工作队助力帮扶村发展羊肚菌种植",
                "",
                Some("rural"),
            ),
        ]);
    }

    /// Items whose wording belongs to another kind: services and results in
    /// a document's form or a headline's, readings in new-media wording.
    #[test]
    fn items_in_another_kinds_wording() {
        assert_categories(&[
            (
                "秒懂！2分钟了解我市职工医保个人账户家庭共济政策",
                "",
                "interpretation",
            ),
            ("县政务服务中心各窗口进驻事项一览表", "政务服务", "service"),
            (
                "2026年县事业单位公开招聘综合类岗位笔试考场安排",
                "",
                "service",
            ),
            ("县新生儿免费疫苗接种门诊名单及服务时间", "", "service"),
            ("城区公共停车场位置及收费标准一览", "", "service"),
            ("县市场监管局办公地址及联系方式", "机构信息", "other"),
            ("此栏目暂无内容", "财政资金直达基层", "other"),
            (
                "关于公布乡镇（街道）履行职责事项清单的通知",
                "权责清单",
                "management",
            ),
            (
                "关于鑫源矿业有限公司石灰岩矿安全设施设计审查的批复",
                "行政许可",
                "management",
            ),
            (
                "关于南城街道2026年度适龄男性青年兵役登记的通告",
                "通知公告",
                "service",
            ),
            (
                "关于全县2026年度农村危房改造竣工情况的通报",
                "",
                "execution",
            ),
            (
                "问：灵活就业人员如何在本地参加职工基本养老保险？",
                "政策问答",
                "service",
            ),
            ("县2026年高考志愿填报咨询热线开通公告", "", "service"),
            (
                "县人社局“送政策上门” 为30家企业发放稳岗返还资金",
                "部门动态",
                "routine",
            ),
        ]);
        assert_areas(&[
            ("此栏目暂无内容", "财政资金直达基层", None),
            (
                "关于鑫源矿业有限公司石灰岩矿安全设施设计审查的批复",
                "行政许可",
                Some("safety"),
            ),
            (
                "市冬季清洁取暖改造完成8600户 年度任务提前收官",
                "重点工作",
                Some("environment"),
            ),
            ("城东片区11月6日计划停气公告", "", Some("planning")),
            (
                "区暑期“爱心托管班”开始报名 全区设12个托管点",
                "通知公告",
                Some("education"),
            ),
        ]);
    }

    /// News, decisions and readings as grass-roots sites word them.
    #[test]
    fn news_decisions_and_readings_in_grass_roots_wording() {
        assert_categories(&[
            ("图说：2026年秋季学期学生资助政策", "", "interpretation"),
            ("漫说《市文明行为促进条例》", "", "interpretation"),
            ("街道老旧小区改造“回头看”逐户听意见", "街道动态", "routine"),
            (
                "镇：网格员变身宣传员 医保缴费政策进村入户",
                "镇街动态",
                "routine",
            ),
            ("县财政局举办预算绩效管理业务培训", "财政动态", "routine"),
            ("县人民医院新院区正式启用", "", "execution"),
            (
                "市人民政府关于同意设立光明社区居民委员会的批复",
                "政府文件",
                "decision",
            ),
        ]);
        assert_areas(&[
            (
                "人民网：巫溪脆李“出山”记 果农家门口卖出好价钱",
                "媒体聚焦",
                Some("rural"),
            ),
            ("人民网｜石阡：苔茶飘香采摘忙", "媒体看石阡", Some("rural")),
            (
                "护航开学季 守护“舌尖安全”——县市场监管局走进校园周边食品经营店",
                "",
                Some("food_drug"),
            ),
            ("县总工会“送清凉”慰问高温一线职工", "", None),
            (
                "国道207线兴义段改线工程全线贯通",
                "",
                Some("major_projects"),
            ),
        ]);
    }

    /// `matched` lists the deciding rule's words in the order the title
    /// shows them, not in the order the rule lists them.
    #[test]
    fn matched_words_follow_the_title() {
        let v = Classifier::builtin().classify("全力护航高考 我县积极部署", "", "");
        assert_eq!(&*v.rule, "routine.news_phrasing");
        assert_eq!(
            v.matched[..5].iter().map(|m| &**m).collect::<Vec<_>>(),
            ["全力", "护航", "我县", "积极", "部署"]
        );
    }

    /// A headline that reports a period's figures is the figures, in a news
    /// or a reading column too; a meeting that heard them stays news.
    #[test]
    fn figures_headlines_are_results() {
        assert_categories(&[
            ("上半年我县规上工业增加值同比增长8.6%", "工作动态", "result"),
            ("1—10月全市进出口总额再创历史新高", "政策解读", "result"),
            ("县统计局召开会议通报一季度GDP同比增长5%", "", "routine"),
        ]);
    }

    /// Notices that tell residents what changes for them are services.
    #[test]
    fn residents_notices_of_lines_and_heating_are_services() {
        assert_categories(&[
            ("关于调整城区部分公交线路的通告", "通知公告", "service"),
            ("关于开展冬季供暖报停报装的公告", "通知公告", "service"),
            ("县交通运输局优化公交线路,实现旅居公交分乘", "", "routine"),
        ]);
    }

    /// A title that is a document number alone says what the document is by
    /// its issuing code; a gazette column holds decisions, a speech printed
    /// in it stays news; a column of fiscal receipts and spending holds
    /// figures.
    #[test]
    fn document_numbers_gazettes_and_speeches() {
        assert_categories(&[
            ("宁市监处罚〔2025〕38号", "", "management"),
            ("湘攸交许[2026]31号", "", "management"),
            ("黔府任〔2026〕44号", "", "management"),
            ("城政发〔2026〕12号", "", "decision"),
            ("城政规［2026］2号", "", "decision"),
            // The title's own words decide before the number.
            (
                "关于2025年度县级示范家庭农场名单的公示（桐农发〔2025〕41号）",
                "",
                "result",
            ),
            ("临政办函〔2026〕7号", "", "other"),
            ("2026年第3期", "政府公报", "decision"),
            ("2026年第3期", "", "other"),
            ("在第三届世界互联网大会上的致辞", "国务院公报", "routine"),
            ("2026年10月", "财政收支", "result"),
        ]);
    }

    /// Grass-roots forms of the catalogue's items: a failed tender is an
    /// outcome, warnings and forecasts tell residents what to do, bond
    /// figures are results, a meeting's record is the decision made.
    #[test]
    fn tenders_warnings_bonds_and_meeting_records() {
        assert_categories(&[
            ("XX项目废标公告", "招标采购", "result"),
            ("地质灾害气象风险预警（黄色）", "应急管理", "service"),
            ("2026年秋季农作物重大病虫害发生趋势预报", "", "service"),
            ("关于2026年度农村客运班线调整的公告", "", "service"),
            ("2026年地方政府债券发行和使用情况", "", "result"),
            ("XX村2026年低保评议会议记录", "村务公开", "decision"),
            // A notice that opens the fire season is an order.
            ("关于2026年进入春季森林防火期的通告", "", "decision"),
        ]);
        assert_areas(&[
            ("XX项目废标公告", "", Some("public_resources")),
            ("2026年秋季农作物重大病虫害发生趋势预报", "", Some("rural")),
            ("XX林地征占用审批公示", "", Some("environment")),
            (
                "关于科学利用林地资源 促进林下经济高质量发展的意见",
                "",
                Some("rural"),
            ),
        ]);
    }

    /// Receiving an inspection is news, not its outcome; a campaign headline
    /// about serving the people is news, not a service.
    #[test]
    fn receiving_inspections_and_serving_slogans_are_news() {
        assert_categories(&[
            ("城关镇迎接市级食品安全示范创建验收", "工作动态", "routine"),
            ("我县迎接省义务教育优质均衡发展督导评估", "", "routine"),
            ("城关镇“党建+网格”打通服务群众最后一公里", "", "routine"),
            // A meeting held to explain a policy is news, as a 宣讲会 is.
            ("城关镇召开政策解读会", "政策解读", "routine"),
            ("城关镇便民服务中心办事指南", "", "service"),
            // The list of what a service hall handles is a service list.
            ("城关镇便民服务中心进驻事项目录", "政务服务", "service"),
        ]);
    }

    /// A vaccination schedule is a service (免疫规划 names the programme, not
    /// a plan); hazard maps and changed collection hours tell residents
    /// what to do.
    #[test]
    fn schedules_and_maps_for_residents_are_services() {
        assert_categories(&[
            ("城关镇2026年适龄儿童免疫规划疫苗接种安排", "", "service"),
            ("城关镇2026年汛期地质灾害隐患点分布", "", "service"),
            ("城关镇集镇区生活垃圾收运时间调整", "", "service"),
            ("城关镇国土空间总体规划（2021-2035年）", "", "decision"),
        ]);
        assert_areas(&[(
            "城关镇2026年事实无人抚养儿童生活补贴发放",
            "",
            Some("social_assistance"),
        )]);
    }

    /// Water at the tap is a hygiene check (health), water at the source an
    /// environmental one; 河（湖）长制 is the river-chief system however it
    /// is bracketed.
    #[test]
    fn tap_water_river_chiefs_and_livestock_breeds() {
        assert_areas(&[
            (
                "大通县2020年第一季度饮用水末梢水水质检验结果公示",
                "",
                Some("health"),
            ),
            ("2024年第二季度水龙头水质检测结果公示", "", Some("health")),
            (
                "2025年第三季度集中式饮用水水源地水质状况",
                "",
                Some("environment"),
            ),
            (
                "关于对《珲春市河(湖)长制工作实施方案》的公示",
                "",
                Some("environment"),
            ),
            ("关于印发2022年细毛羊节活动方案的通知", "", Some("rural")),
        ]);
    }

    /// Steps of a decision and of a licence, in the forms real sites give
    /// them; 物业 is housing.
    #[test]
    fn approvals_risk_assessments_and_plans_sent_up() {
        assert_categories(&[
            (
                "关于拟对XX公路改建工程环境影响报告表作出审批意见的公示",
                "",
                "management",
            ),
            ("雷州半岛灌区工程社会稳定风险分析工作公示", "", "decision"),
            ("关于报送《XX县地震应急预案》的报告", "", "decision"),
            ("关于2025年度法治政府建设情况的报告", "", "result"),
            (
                "一起学法治宣传教育法,这些法条你get了吗?",
                "",
                "interpretation",
            ),
        ]);
        assert_areas(&[
            (
                "雷州半岛灌区工程社会稳定风险分析工作公示",
                "",
                Some("major_projects"),
            ),
            (
                "东城街道关于进一步规范居民小区物业管理的实施意见",
                "",
                Some("land_housing"),
            ),
            ("复兴镇大力倡导“绿色 平安 文明”过清明", "", None),
        ]);
    }

    /// A notice organising deputies' inspection visit convenes an activity;
    /// a visit with a greeting in its headline is news; a disclosure annual
    /// report names no area, whoever publishes it.
    #[test]
    fn deputies_visits_greeting_visits_and_disclosure_reports() {
        assert_categories(&[
            (
                "关于组织部分人大代表开展2020年度民生实事进展情况视察调研的通知",
                "",
                "other",
            ),
            ("关于2025年度人大代表视察情况的报告", "", "result"),
            (
                "向广大官兵致以节日问候和崇高敬意 区领导走访慰问驻区部队",
                "",
                "routine",
            ),
            ("致全县退役军人的节日问候", "", "other"),
        ]);
        assert_areas(&[
            ("门头沟区民政局2009年政府信息公开年报", "", None),
            (
                "文汇街道:开展安全大排查大整治,筑牢辖区安全防护网",
                "",
                Some("safety"),
            ),
        ]);
    }

    /// Deputies' suggestions by their own titles are results, a resident's
    /// in an interaction column is interaction; a noise complaint is a
    /// message; a notice to do the handling work well directs the work.
    #[test]
    fn suggestions_complaints_and_handling_notices() {
        assert_categories(&[
            ("关于启动石湾镇养老服务项目的建议", "议案建议", "result"),
            ("《关于给予安排XX村地段道路修建的建议》", "", "result"),
            ("关于调整回天地区的线路的建议", "政民互动", "interaction"),
            ("民族宫北侧音响唱歌扰民", "", "interaction"),
            (
                "县人民政府办公室 关于认真做好人大代表建议和政协提案 办理工作的通知",
                "",
                "decision",
            ),
        ]);
        assert_areas(&[(
            "《关于给予安排XX村地段道路修建的建议》",
            "",
            Some("planning"),
        )]);
    }

    /// The progress of a campaign's projects is the state of the work; a
    /// licence handed out is an act on a named body; a map of service
    /// points is a service.
    #[test]
    fn progress_licences_and_service_points() {
        assert_categories(&[
            (
                "城关镇“我为群众办实事”实践活动项目清单完成进度",
                "",
                "execution",
            ),
            ("城关镇开展“我为群众办实事”实践活动", "", "routine"),
            ("XX县XX养殖场动物防疫条件合格证发放信息", "", "management"),
            ("城关镇“15分钟便民生活圈”服务网点名录", "", "service"),
        ]);
    }

    /// A committee's members changed are personnel; a motion put to the
    /// congress is a decision in the making; night works announced tell
    /// residents what to expect, a complaint about them is a message.
    #[test]
    fn committee_members_motions_and_night_works() {
        assert_categories(&[
            ("关于调整城关镇防汛抗旱指挥部成员的通知", "", "management"),
            ("城关镇人民政府关于提请审议XX的议案", "", "decision"),
            ("市人大常委会调研组到城关镇视察民生实事项目", "", "routine"),
            ("关于XX路段实施夜间施工的公告", "", "service"),
            (
                "关于城东小区周边夜间施工噪音扰民问题的回复",
                "",
                "interaction",
            ),
            ("锦绣华庭小区旁工地夜间施工噪音扰民", "", "interaction"),
        ]);
    }

    /// Explanations of a revision are readings; a reply to residents'
    /// complaint is a message; a suggestion box, a copyright line and a
    /// holiday schedule are site furniture; an appeal is an appeal however
    /// it is worded.
    #[test]
    fn revision_notes_residents_replies_and_site_furniture() {
        assert_categories(&[
            ("关于《城关镇村规民约》修订的说明", "", "interpretation"),
            ("关于修订《城关镇村规民约》的通知", "", "decision"),
            ("关于XX小区业主反映物业问题的答复意见", "", "interaction"),
            ("城关镇政务公开意见箱", "", "other"),
            ("本网站所刊登的信息和各种专栏资料版权所有", "", "other"),
            ("城关镇2026年国庆节假期安排", "", "other"),
            ("关于开展“清廉机关”建设的倡议", "", "other"),
            ("城关镇开展“清廉机关”建设活动", "", "routine"),
        ]);
    }

    /// Rural roads are municipal works, lonely elders are social
    /// assistance, and the pension of farmers whose land was taken is
    /// social insurance (the farmers are who it is for); a notice of works
    /// tells residents what to expect, a call for tenders is procurement.
    #[test]
    fn rural_roads_elders_land_losing_farmers_and_works_notices() {
        assert_areas(&[
            ("城关镇2026年农村公路养护情况", "", Some("planning")),
            (
                "城关镇2026年度孤寡老人探访关爱情况",
                "",
                Some("social_assistance"),
            ),
            (
                "城关镇2026年度被征地农民养老保险参保情况",
                "",
                Some("employment"),
            ),
            ("关于XX片区土地征收启动公告", "", Some("land_housing")),
        ]);
        assert_categories(&[
            ("关于XX小区二次供水设施改造的公告", "", "service"),
            ("XX路改造工程施工招标公告", "", "management"),
        ]);
    }

    /// A notice that opens the claim for a grant is a service; the notice
    /// of the grant paid is a result.
    #[test]
    fn grant_claims_are_services_and_payouts_results() {
        assert_categories(&[
            (
                "关于做好2026年度退役士兵一次性经济补助申领的公告",
                "",
                "service",
            ),
            (
                "关于2026年度退役士兵一次性经济补助发放情况的公示",
                "",
                "result",
            ),
        ]);
    }

    /// Revoking a government document is a decision, revoking an approval
    /// an act; sector words of village campaigns name their area, and the
    /// consultative conference's name names none.
    #[test]
    fn revoked_documents_courtyards_and_the_conference_name() {
        assert_categories(&[
            (
                "城关县人民政府关于撤销城府〔2025〕51号文的公告",
                "",
                "decision",
            ),
            (
                "关于撤销平环批字〔2020〕10050号文件的公告",
                "",
                "management",
            ),
            (
                "关于撤销城关镇小太阳幼儿园办学许可证的决定",
                "",
                "management",
            ),
        ]);
        assert_areas(&[
            ("城关镇召开美丽庭院创建推进会", "", Some("environment")),
            (
                "城关县人民政府关于禁止开垦陡坡地范围划定的公告",
                "",
                Some("environment"),
            ),
            ("县政协主席会议助力“南方粮仓”核心区建设", "", Some("rural")),
            (
                "中国人民政治协商会议城关县第十一届委员会第三次会议胜利闭幕",
                "",
                None,
            ),
        ]);
    }

    /// Headlines of a city portal's response column: a policy changed,
    /// continued or targeted is a decision, a prevention tip a service,
    /// officials' answers a reading, news of the work report news; a draft
    /// the justice bureau puts out names its own subject.
    #[test]
    fn policy_headlines_tips_answers_and_report_news() {
        assert_categories(&[
            (
                "关于城关县职业教育骨干教师培养计划拟推荐人员的公示",
                "",
                "result",
            ),
            (
                "城关县教育局关于公布2026年中职学校分专业招生计划的通知",
                "",
                "service",
            ),
            ("“诺如”来袭 如何科学预防", "", "service"),
            ("如何稳就业？省人社厅最新解答", "", "interpretation"),
            ("城关县调整住房公积金政策", "", "decision"),
            ("惠及经营主体！这些惠企政策延续和优化", "", "decision"),
            ("今年全县发展主要预期目标有这些！", "", "decision"),
            ("我县将发放500万元消费券", "", "decision"),
            ("政府工作报告重磅！加快建设现代化产业体系", "", "routine"),
            ("刚刚，政府工作报告现场传来这些好消息！", "", "routine"),
        ]);
        assert_areas(&[
            ("“甲流”来袭 如何科学预防", "", Some("health")),
            ("县司法局开展“双随机”抽查工作", "", Some("law_enforcement")),
            (
                "城关县人民政府关于城东区部分道路命名的批复",
                "",
                Some("planning"),
            ),
            (
                "县司法局关于征求《城关县城市道路挖掘管理办法（草案）》意见的公告",
                "",
                Some("planning"),
            ),
            (
                "县司法局开展“宪法宣传周”进社区活动",
                "",
                Some("law_enforcement"),
            ),
        ]);
    }

    /// Items of two city portals: land approvals, rosters and registrations
    /// are acts; setting up a group and launching checks are decisions;
    /// figures tables and monthly recipient lists are results.
    #[test]
    fn city_portal_acts_decisions_and_figures() {
        assert_categories(&[
            (
                "城关县人民政府关于城东区2026年度第1批次农用地转用和土地征收的通知",
                "",
                "management",
            ),
            (
                "城关县人民政府关于同意CG-2026-03号地块有偿出让方案的批复",
                "",
                "management",
            ),
            (
                "城关县林长办公室关于调整城关县林长名单的通知",
                "",
                "management",
            ),
            ("关于张某同志公务员登记的函", "", "management"),
            ("关于申报李某同志三等功的函", "", "management"),
            (
                "城关县市场监督管理局关于公布2025年度维护市场秩序典型案例的通知",
                "",
                "management",
            ),
            (
                "城关镇关于成立第五次全国经济普查领导小组的通知",
                "",
                "decision",
            ),
            (
                "城关县司法局关于开展2026年上半年“双随机”抽查的通知",
                "",
                "decision",
            ),
            (
                "城关县2026年度“双随机、一公开”抽查事项清单",
                "",
                "management",
            ),
            (
                "城关县生态环境局2025年“双随机、一公开”检查情况公示",
                "",
                "result",
            ),
            ("2026年3月 地区生产总值", "", "result"),
            ("2025年12月 固定资产投资", "", "result"),
            ("一季度城关县CPI同比上涨1.5%", "", "result"),
            ("2026年3月份城关县城乡低保信息公开", "", "result"),
            ("2026年城关县统计局主要统计信息发布日程表", "", "service"),
            ("我县残疾人两项补贴再提标", "", "decision"),
            ("我县住房公积金政策进行部分调整", "", "decision"),
            ("结合新路通车情况 3条公交线路将优化调整", "", "service"),
        ]);
        assert_areas(&[
            (
                "县林业局关于做好食用林产品质量安全监测工作的通知",
                "",
                Some("food_drug"),
            ),
            ("市领导到城关小学调研近视防控工作", "", Some("health")),
            (
                "城关县人民政府关于城东生态新城A单元详细规划的批复",
                "",
                Some("planning"),
            ),
            ("全县宣传思想文化工作推进会召开", "", None),
            ("全县自建房安全专项整治电视电话会议召开", "", Some("safety")),
            ("县教育局关于县政协第12号提案的协办意见", "", None),
            (
                "城关县开展寒假期间儿童关爱服务",
                "",
                Some("social_assistance"),
            ),
            ("2026年3月 商品销售（营业）情况", "", None),
            ("市委人才工作领导小组会议召开", "", None),
        ]);
    }

    /// A two-part slogan of eight characters is a headline; the site's
    /// furniture of that length stays `other` by its own words.
    #[test]
    fn short_slogans_are_news_and_furniture_is_not() {
        assert_categories(&[
            ("关爱心灵 共建文明", "", "routine"),
            ("师徒结对 薪火相传", "", "routine"),
            ("奋力拼搏勇创佳绩", "", "routine"),
            ("我为政府网站找错", "", "other"),
            ("本站已支持IPv6访问", "", "other"),
            ("政府信息公开栏目导航", "", "other"),
            ("元旦假期值班电话", "", "other"),
            ("城关镇历史沿革", "", "other"),
            ("恭祝全县人民新春快乐", "", "other"),
            ("县发展和改革局主要职责", "", "other"),
            ("东坡街道走进养老院为老人送去重阳祝福", "", "routine"),
            ("狂犬疫苗接种点地址及24小时值班电话", "", "service"),
            ("开发区", "", "other"),
        ]);
    }

    /// A city's response column announces changes: a benefit raised or
    /// adjusted and rules published are decisions, timetables and closures
    /// services, an indicator's monthly table a result.
    #[test]
    fn announced_changes_timetables_and_indicator_tables() {
        assert_categories(&[
            ("我县上调城乡居民基础养老金", "", "decision"),
            ("我县调整城乡居民医保待遇", "", "decision"),
            ("我县中考体育测试项目调整", "", "decision"),
            ("县政府召开医保待遇调整工作推进会", "", "routine"),
            ("2026年城区学校招生政策有哪些调整", "", "interpretation"),
            ("县污水处理厂提标改造工程完工", "", "execution"),
            ("今年我县中考中招实施细则公布", "", "decision"),
            ("城关岛轮渡启用夏令航班时刻表", "", "service"),
            ("全县中小学校、幼儿园今日停课", "", "service"),
            ("2025年12月 金融机构存贷款余额", "", "result"),
            ("2026年1月 全社会用电量和发电量", "", "result"),
        ]);
    }

    /// Changing a subsidy's amount is a decision, its payout a result.
    #[test]
    fn subsidy_changes_and_payouts() {
        assert_categories(&[
            (
                "县商务局关于调整家电以旧换新购新补贴额度的公告",
                "",
                "decision",
            ),
            (
                "关于2026年第一批家电以旧换新补贴资金拨付情况的公示",
                "",
                "result",
            ),
        ]);
    }

    /// Items of a city portal's older columns: indicator tables, approved
    /// accounts, retirements and duty rosters, handbooks and schedules,
    /// commendations; the subject names the area over the department.
    #[test]
    fn older_columns_of_a_city_portal() {
        assert_categories(&[
            ("2026年2月 建筑业总产值", "", "result"),
            ("2026年3月 工业企业经济效益", "", "result"),
            (
                "城关县财政局关于批复县文化和旅游局2025年度部门决算的通知",
                "",
                "result",
            ),
            ("2025年度城关县规划编制研究中心单位决算", "", "result"),
            ("城关县人民政府关于张某退休的通知", "", "management"),
            (
                "城关县农业农村局关于公布2026年防台风责任人的通知",
                "",
                "management",
            ),
            ("应急手册：异物卡喉", "", "service"),
            (
                "关于2026年度工程技术系列职务任职资格评审答辩安排的通告",
                "",
                "service",
            ),
            ("2026年城关县补贴性技能培训机构目录", "", "service"),
            (
                "关于2026年全国生态日活动表现突出个人通报表扬人选的公示",
                "",
                "result",
            ),
            (
                "城关县人民政府关于表扬首届“最佳城市美容师”的通报",
                "",
                "result",
            ),
            (
                "城关县人民政府办公室关于成立库区废弃物集中整治工作领导小组的通知",
                "",
                "decision",
            ),
            (
                "在庆祝中华人民共和国成立77周年招待会上的讲话",
                "",
                "routine",
            ),
        ]);
        assert_areas(&[
            ("副县长到城关镇调研医改工作", "", Some("health")),
            (
                "2026年第一季度城区城市饮用水出厂水水质监测结果",
                "",
                Some("health"),
            ),
            ("县气象台发布霜冻黄色预警", "", Some("safety")),
            (
                "县农业农村局关于印发《城关县农业防台风应急预案》的通知",
                "",
                Some("safety"),
            ),
            (
                "县林业局关于印发生产安全事故应急预案的通知",
                "",
                Some("safety"),
            ),
            (
                "县农业农村局关于印发《城关县初级水产品质量安全突发事件应急预案》的通知",
                "",
                Some("food_drug"),
            ),
            (
                "关于加强2026年度高考和中考期间噪声污染监督管理的通告",
                "",
                Some("environment"),
            ),
            (
                "县妇联关于2026年第一批罹患“两癌”困难妇女救助名单的公示",
                "",
                Some("social_assistance"),
            ),
            (
                "关于恢复组织从业人员岗位考试的事宜通知",
                "",
                Some("employment"),
            ),
        ]);
    }

    /// News in a city's news column: a leader's letter of congratulation,
    /// a visit to hear views, a talk given, a drill held, an award won and
    /// a meeting that heard a report are all news.
    #[test]
    fn news_column_items_that_look_like_other_kinds() {
        assert_categories(&[
            ("习近平向2026年世界交通论坛致贺信", "", "routine"),
            ("城关县人民政府致全县人民的新春贺信", "", "other"),
            ("省人大常委会领导到我县征求意见", "", "routine"),
            ("我县2026年省星火计划项目立项再获佳绩", "", "routine"),
            ("我县又新增一项国家级服务业标准化试点项目", "", "routine"),
            ("县政府领导现场协调推进城区公交线路优化工作", "", "routine"),
            ("我县举行防空警报试鸣暨人口疏散演练", "", "routine"),
            ("关于2026年城关县防空警报试鸣的公告", "", "service"),
            (
                "县政府常务会议听取县本级预算执行审计整改情况汇报",
                "",
                "routine",
            ),
            ("2025年度城关县审计局本级单位决算公开", "", "result"),
        ]);
    }

    /// Funds that the finance bureau hands out with a sector's bureau name
    /// that sector; the finance bureau's own work stays public money.
    #[test]
    fn co_issued_funds_name_the_sector() {
        assert_areas(&[
            (
                "城关县财政局 城关县文化和旅游局关于下达2026年文旅融合发展专项资金的通知",
                "",
                Some("culture_sports"),
            ),
            ("县财政局赴乡镇开展会计信息质量检查", "", Some("fiscal")),
            ("县财政局2026年部门预算", "", Some("fiscal")),
            ("县财政局召开2026年财政工作会议", "", Some("fiscal")),
        ]);
    }

    /// A notice that land is taken or used, and an approval to store a
    /// plot in the land reserve, are acts of the unit administering land.
    #[test]
    fn land_taken_and_reserved() {
        assert_categories(&[
            ("城关县人民政府征收（使用）土地公告", "", "management"),
            (
                "城关县人民政府关于同意收储城关县某某开发有限公司国有建设用地使用权的批复",
                "",
                "management",
            ),
        ]);
    }

    /// Items of a city's department sections: approvals of land and sea
    /// use, enforcement staff lists, demolition orders and rosters are acts;
    /// the subject of a department's item names the area.
    #[test]
    fn department_sections_of_a_city_portal() {
        assert_categories(&[
            (
                "城关县人民政府关于城东区2026年度第四批次土地征收（增减挂钩）的通知",
                "",
                "management",
            ),
            (
                "城关县人民政府关于国道G228线城东段工程用海的批复",
                "",
                "management",
            ),
            ("2026年行政执法人员基本信息公示情况表", "", "management"),
            (
                "关于尽快依法拆除城东桥一座未经批准滥建的宫庙的通知",
                "",
                "management",
            ),
            (
                "县科学技术局关于调整充实科技监督员库的通知",
                "",
                "management",
            ),
            (
                "县人民政府办公室关于进一步加强政策文件解读发布工作的通知",
                "",
                "decision",
            ),
            ("我县通报疫情防控最新情况", "", "result"),
        ]);
        assert_areas(&[
            ("关于开展全县旅游安全大检查的通知", "", Some("safety")),
            (
                "转发省旅游局关于做好四川九寨沟抗震救灾应急工作的紧急通知",
                "",
                Some("social_assistance"),
            ),
            (
                "县农产品质量安全检验检测中心仪器设备维修服务采购流标公告",
                "",
                Some("public_resources"),
            ),
            (
                "县人民政府办公室关于开展违法用地违法建设专项治理的通知",
                "",
                Some("land_housing"),
            ),
            (
                "县人民政府关于印发推进黄标车淘汰工作方案的通知",
                "",
                Some("environment"),
            ),
            ("关于《城关县病毒性肝炎防治规划》的解读", "", Some("health")),
            (
                "县文化和旅游局2026年度终身教育工作要点",
                "",
                Some("education"),
            ),
            (
                "关于调整城镇土地使用税、房产税征收范围的通知",
                "",
                Some("fiscal"),
            ),
            ("县旅游局5月份财务收支情况", "", Some("fiscal")),
            (
                "县统计局关于2026年1月份CPI及食品类价格指数情况的通报",
                "",
                None,
            ),
        ]);
    }

    /// Department sites: an emergency response started or changed is the
    /// decision, a meeting about it news; a series explaining the law by its
    /// cases is a reading, an event of that name news; a standing question on
    /// a deadline is a service; a proposal's handling opinion numbered in
    /// brackets is a reply; a study session names no sector; flood-season
    /// checks are safety work whatever river basin does them. A procurement
    /// column holds calls for bids, an award column their outcome; a tax or
    /// audit column names public money, a forestry column the environment.
    #[test]
    fn department_sites_of_other_cities() {
        assert_categories(&[
            ("城关县启动防汛Ⅳ级应急响应", "", "decision"),
            ("我县防汛应急响应由Ⅲ级调整为Ⅳ级", "", "decision"),
            ("县防指召开防汛应急响应调度会", "", "routine"),
            ("县统计局“以案释法”系列之三", "", "interpretation"),
            ("县司法局开展以案释法进社区活动", "", "routine"),
            ("失业保险金申领后多少天到账？", "", "service"),
            (
                "县住房和城乡建设局关于《关于加强老旧小区管理的建议》提案(第12号)的办理意见",
                "",
                "result",
            ),
            // a bare project name in a procurement column is the call, in
            // an award column the outcome
            ("城东小学食堂食材采购项目", "政府采购", "management"),
            ("城东小学食堂食材采购项目", "公共资源交易", "management"),
            ("城东小学食堂食材采购项目", "中标公示", "result"),
            ("城东小学食堂食材采购项目", "采购结果", "result"),
        ]);
        assert_areas(&[
            (
                "县生态环境局召开党组理论学习中心组学习（扩大）会议",
                "",
                None,
            ),
            ("省太湖流域管理局检查我县汛前准备工作", "", Some("safety")),
            // a tax, audit or forestry column names its sector
            ("2026年第3期", "税收管理", Some("fiscal")),
            ("2026年第3期", "审计信息", Some("fiscal")),
            ("2026年第3期", "林业", Some("environment")),
        ]);
    }

    /// Later rows of two city portals: the published outcome of spot checks
    /// and of an audit is a result, as are a water company's daily test
    /// tables, though a completion table stays a progress report; 入学 inside
    /// 深入学习 is no school enrolment; a new official seal is site notice.
    /// 市政 inside 我市政法 names no sector; a table of a bureau's spending
    /// is public money; a proposal's handling note from a bureau names no
    /// sector.
    #[test]
    fn later_rows_of_two_city_portals() {
        assert_categories(&[
            (
                "县住建局关于物业服务企业专项整治抽查情况的通报",
                "",
                "result",
            ),
            ("县审计局关于2026年民生项目跟踪审计的公告", "", "result"),
            (
                "关于深入学习贯彻全会精神做好今冬明春安全生产工作的通知",
                "",
                "decision",
            ),
            ("关于启用县城市管理局行政审批专用章的通知", "", "other"),
            (
                "5月份县自来水有限公司日检汇总表（出厂水及管网水）",
                "",
                "result",
            ),
            ("2026年城区道路提升改造工程完工情况汇总表", "", "execution"),
        ]);
        assert_areas(&[
            ("我县政法机关多措并举助推民营经济发展", "", None),
            ("县体育局2026年1月项目支出情况表", "", Some("fiscal")),
            (
                "关于开展市政公用行业安全大排查大整治的通知",
                "",
                Some("safety"),
            ),
            (
                "县住房和城乡建设局关于加强大型群众性活动安全管理的通知",
                "",
                Some("safety"),
            ),
            (
                "县教育局关于县十届人大三次会议第12号代表建议的分办意见",
                "",
                None,
            ),
            ("第二届全县职业技能大赛获奖名单", "", Some("employment")),
            (
                "县人民政府关于建立地价调节机制的通知",
                "",
                Some("land_housing"),
            ),
            ("关于做好永久烟田建设工作的通知", "", Some("rural")),
            (
                "2026年5月县自来水公司管网水水质检测报告",
                "",
                Some("health"),
            ),
        ]);
    }

    /// A keyword read across a word boundary is no keyword: 入学 in 深入学习,
    /// 食品 in 美食品牌, 三公 in 三审三公示, 水体 in 用水体验, 报表 in 通报表扬.
    #[test]
    fn keywords_across_a_word_boundary() {
        assert_areas(&[
            ("全县深入学习“千万工程”经验推进会召开", "", None),
            ("打造特色美食品牌", "", None),
            ("网友：评议怎么评的？镇政府：严格执行“三审三公示”", "", None),
            ("居民用水体验明显改善", "", None),
        ]);
        assert_categories(&[("我县三项工作获省政府办公厅通报表扬", "", "routine")]);
    }

    /// News columns of two city portals: an audit's published findings are
    /// results, its rectification meeting news; a vote or a point of a
    /// speech reported as news is news, the resolution's own text a
    /// decision; applying for school places online is a service.
    #[test]
    fn audit_findings_votes_and_speeches() {
        assert_categories(&[
            (
                "县审计局关于城东镇乡村振兴政策落实情况跟踪审计调查报告",
                "",
                "result",
            ),
            (
                "县审计局关于2026年第一季度贯彻落实重大政策措施情况跟踪审计公告",
                "",
                "result",
            ),
            ("县审计局召开审计整改工作推进会", "", "routine"),
            ("关于2025年度审计查出问题整改情况的报告", "", "execution"),
            ("县人大常委会表决通过关于城东新区建设的决议", "", "routine"),
            (
                "县长在政府工作报告中指出，过去一年经济稳中有进",
                "",
                "routine",
            ),
            (
                "城关县第十八届人民代表大会第三次会议关于政府工作报告的决议（2026年1月10日城关县第十八届人民代表大会第三次会议通过）",
                "",
                "decision",
            ),
            ("中考志愿今起网上填报", "", "service"),
        ]);
        assert_areas(&[
            (
                "县审计局关于城东镇两不愁三保障政策落实情况跟踪审计调查报告",
                "",
                Some("rural"),
            ),
            ("全县书画作品展开幕", "", Some("culture_sports")),
            ("县交运集团爱心送考再启航", "", Some("education")),
        ]);
    }

    /// Departments and townships of other provinces: a pine-wilt campaign is
    /// environment work; a bureau's own office meeting names no sector; an
    /// innovative city (创新型城市建设) is no city planning.
    #[test]
    fn departments_and_townships_of_other_provinces() {
        assert_areas(&[
            (
                "城东镇组织开展松材线虫病防控专项行动",
                "",
                Some("environment"),
            ),
            ("县审计局召开2026年第二次局长办公会", "", None),
            ("县科技局调度国家创新型城市建设工作", "", None),
        ]);
    }

    /// More columns of two city portals: an accident ruling and a changed
    /// leading group are acts; a unit's budget is a result whatever the
    /// unit's name says; a notice assigning deputies' suggestions is a
    /// decision, not a reply; vehicles held in a case are an enforcement
    /// record; a navigation notice and a price list are a service and a
    /// result; a figure headline of steady recovery is a result.
    #[test]
    fn more_columns_of_two_city_portals() {
        assert_categories(&[
            (
                "县人民政府关于同意对城东镇“7·4”较大道路交通事故调查处理意见的批复",
                "",
                "management",
            ),
            (
                "县农业农村局关于调整安全生产工作领导小组的通知",
                "",
                "management",
            ),
            ("2026年度县社会治理网格化中心单位预算", "", "result"),
            (
                "县人民政府办公室关于办理县十届人大三次会议代表建议和县政协十届三次会议提案的通知",
                "",
                "decision",
            ),
            (
                "县高速交警大队关于2026年3月逾期未处理涉案车辆的公告",
                "",
                "management",
            ),
            ("关于城东航道整治工程施工作业的航行通告", "", "service"),
            ("县区价比三家一览表（2026年5月7日）", "", "result"),
            ("1-11月全县经济持续平稳恢复", "", "result"),
        ]);
        assert_areas(&[
            (
                "县人民政府关于同意地方储备粮轮换采取包干管理方式的批复",
                "",
                Some("rural"),
            ),
            (
                "县人民政府办公室关于印发县人民政府2026年立法工作计划的通知",
                "",
                Some("law_enforcement"),
            ),
            ("职工子女公益暑托班开班", "", Some("education")),
        ]);
    }
}
