//! A keyword automaton that reads a text a character at a time.
//!
//! Titles are Chinese: three UTF-8 bytes a character. A byte automaton (the
//! `aho-corasick` crate's contiguous NFA) takes three steps a character and,
//! at each, searches a sparse state and may follow failure links; on real
//! titles those branches are hard to predict. Its DFA has no such branches
//! but needs a row of byte classes for each state (11 MB for the default
//! pack's title words), and on real titles most of its steps missed the
//! caches.
//!
//! This one is an Aho–Corasick automaton over characters whose failure links
//! are resolved when it is built. A step is one table read for the character
//! and, from a state other than the start, a lookup in a hash table that
//! holds only the transitions that do not lead where the character leads
//! from the start (a few per state). It reports the same matches, in the
//! same order, as the crate's automaton with `MatchKind::Standard` walked
//! byte by byte; a property test checks this.

use std::collections::HashMap;

/// The flag of a state id whose state ends at least one pattern.
const MATCH: u32 = 1 << 31;

/// A slot of the transition table: the key `state * characters + character
/// id` and the next state. `key == EMPTY` marks a free slot.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u32,
    next: u32,
}

const EMPTY: u32 = u32::MAX;

/// An automaton over a list of non-empty patterns.
pub(crate) struct Words {
    /// The id of each Basic Multilingual Plane character (0: in no pattern).
    bmp: Box<[u16]>,
    /// The ids of the characters outside it or beyond `u16` ids.
    rest: HashMap<char, u32>,
    /// Whether `rest` holds a Basic Multilingual Plane character (only when
    /// the patterns have more than 65 535 distinct characters); if not, a 0
    /// in `bmp` needs no second look.
    bmp_in_rest: bool,
    /// For each character id, the state after it from the start state.
    from_start: Vec<u32>,
    /// The transitions that do not lead where the character leads from the
    /// start state, in an open-addressing table of `mask + 1` slots.
    table: Box<[Slot]>,
    mask: usize,
    /// The number of character ids, 0 included.
    chars: u32,
    /// For each state, where its patterns start in `matches` (one more
    /// entry than states).
    first_match: Vec<u32>,
    /// The patterns each state ends, the state's own first and then those of
    /// its failure state's, as the byte automaton lists them.
    matches: Vec<u32>,
    /// Each pattern's length in bytes.
    len: Vec<u32>,
}

impl std::fmt::Debug for Words {
    /// Sizes only: the character table alone has 65 536 entries.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("patterns", &self.len.len())
            .field("states", &(self.first_match.len() - 1))
            .field("characters", &self.from_start.len())
            .field(
                "transitions",
                &self.table.iter().filter(|s| s.key != EMPTY).count(),
            )
            .field("table_slots", &self.table.len())
            .finish_non_exhaustive()
    }
}

fn hash(key: u32) -> usize {
    let k = u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // The high bits are the well-mixed ones.
    usize::try_from(k >> 32).expect("usize holds 32 bits")
}

impl Words {
    /// Builds the automaton. Patterns are identified by their index; an
    /// empty pattern (a rule pack refuses them) matches nothing.
    pub(crate) fn new(patterns: &[String]) -> Self {
        // Character ids, in order of first appearance.
        let mut ids: HashMap<char, u32> = HashMap::new();
        for c in patterns.iter().flat_map(|p| p.chars()) {
            let next = u32::try_from(ids.len() + 1).expect("fewer than 2^32 characters");
            ids.entry(c).or_insert(next);
        }
        let alphabet = ids.len() + 1;
        // The trie: children by character id, each node's own patterns.
        let mut children: Vec<HashMap<u32, u32>> = vec![HashMap::new()];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (pi, p) in patterns.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for c in p.chars() {
                let ch = ids[&c];
                let fresh = u32::try_from(children.len()).expect("fewer than 2^31 states");
                let next = *children[node].entry(ch).or_insert(fresh);
                if next == fresh {
                    children.push(HashMap::new());
                    own.push(Vec::new());
                }
                node = next as usize;
            }
            own[node].push(u32::try_from(pi).expect("fewer than 2^32 patterns"));
        }
        let states = children.len();
        assert!(states < MATCH as usize, "fewer than 2^31 states");
        // Breadth-first: failure links, the patterns each state ends, and
        // the transitions that differ from the start state's (`exits`).
        let mut fail = vec![0u32; states];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new(); states];
        let mut exits: Vec<HashMap<u32, u32>> = vec![HashMap::new(); states];
        let mut from_start = vec![0u32; alphabet];
        let mut order = Vec::with_capacity(states);
        let mut level: Vec<u32> = Vec::new();
        let mut first: Vec<(u32, u32)> = children[0].iter().map(|(&c, &n)| (c, n)).collect();
        first.sort_unstable();
        for (c, n) in first {
            from_start[c as usize] = n;
            ends[n as usize].clone_from(&own[n as usize]);
            level.push(n);
        }
        while !level.is_empty() {
            order.extend_from_slice(&level);
            let mut below = Vec::new();
            for &s in &level {
                let s = s as usize;
                // A state's exits: its failure state's, overridden by its
                // own children.
                let mut ex = exits[fail[s] as usize].clone();
                let mut kids: Vec<(u32, u32)> = children[s].iter().map(|(&c, &n)| (c, n)).collect();
                kids.sort_unstable();
                for &(c, n) in &kids {
                    ex.insert(c, n);
                    // The child's failure state: where the character leads
                    // from this state's failure state.
                    let f = exits[fail[s] as usize]
                        .get(&c)
                        .copied()
                        .unwrap_or(from_start[c as usize]);
                    fail[n as usize] = f;
                    let mut e = own[n as usize].clone();
                    e.extend_from_slice(&ends[f as usize]);
                    ends[n as usize] = e;
                    below.push(n);
                }
                exits[s] = ex;
            }
            level = below;
        }
        let flagged = |s: u32| {
            if ends[s as usize].is_empty() {
                s
            } else {
                s | MATCH
            }
        };
        let from_start = from_start.into_iter().map(flagged).collect();
        let chars = u32::try_from(alphabet).expect("fewer than 2^32 characters");
        assert!(
            states
                .checked_mul(alphabet)
                .and_then(|k| u32::try_from(k).ok())
                .is_some_and(|k| k != EMPTY),
            "{states} states over {alphabet} characters: too many keywords for one automaton"
        );
        let count: usize = exits.iter().map(HashMap::len).sum();
        let size = (count * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut table = vec![
            Slot {
                key: EMPTY,
                next: 0
            };
            size
        ]
        .into_boxed_slice();
        // Filled in a fixed order, so that a pack gives the same table in
        // every run (the maps' order is random).
        for &s in &order {
            let mut ex: Vec<(u32, u32)> = exits[s as usize].iter().map(|(&c, &n)| (c, n)).collect();
            ex.sort_unstable();
            for (c, n) in ex {
                let key = s * chars + c;
                let mut i = hash(key) & mask;
                while table[i].key != EMPTY {
                    i = (i + 1) & mask;
                }
                table[i] = Slot {
                    key,
                    next: flagged(n),
                };
            }
        }
        let mut first_match = Vec::with_capacity(states + 1);
        let mut matches = Vec::new();
        for e in &ends {
            first_match.push(u32::try_from(matches.len()).expect("fewer than 2^32 matches"));
            matches.extend_from_slice(e);
        }
        first_match.push(u32::try_from(matches.len()).expect("fewer than 2^32 matches"));
        let mut bmp = vec![0u16; 0x1_0000].into_boxed_slice();
        let mut rest = HashMap::new();
        for (&c, &id) in &ids {
            match (usize::try_from(u32::from(c)), u16::try_from(id)) {
                (Ok(code), Ok(small)) if code < bmp.len() => bmp[code] = small,
                _ => {
                    rest.insert(c, id);
                }
            }
        }
        let bmp_in_rest = rest.keys().any(|&c| (c as usize) < bmp.len());
        Self {
            bmp,
            rest,
            bmp_in_rest,
            from_start,
            table,
            mask,
            chars,
            first_match,
            matches,
            len: patterns
                .iter()
                .map(|p| u32::try_from(p.len()).expect("patterns under 4 GB"))
                .collect(),
        }
    }

    /// The id of a character (0: in no pattern).
    fn id(&self, c: char) -> u32 {
        match self.bmp.get(c as usize) {
            Some(&id) if id != 0 || !self.bmp_in_rest => u32::from(id),
            _ => self.rest.get(&c).copied().unwrap_or(0),
        }
    }

    /// The state after character id `ch` (not 0) from state `state` (its
    /// id without the flag).
    fn step(&self, state: u32, ch: u32) -> u32 {
        if state != 0 {
            let key = state * self.chars + ch;
            let mut i = hash(key) & self.mask;
            loop {
                let slot = self.table[i];
                if slot.key == key {
                    return slot.next;
                }
                if slot.key == EMPTY {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        self.from_start[ch as usize]
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every pattern
    /// in `hay`, overlapping ones included, in order of their end (byte
    /// offsets).
    pub(crate) fn for_each_match(&self, hay: &str, mut f: impl FnMut(u32, usize, usize)) {
        let mut state = 0u32;
        for (i, c) in hay.char_indices() {
            let ch = self.id(c);
            state = if ch == 0 {
                0
            } else {
                self.step(state & !MATCH, ch)
            };
            if state & MATCH != 0 {
                let s = (state & !MATCH) as usize;
                let end = i + c.len_utf8();
                for &p in
                    &self.matches[self.first_match[s] as usize..self.first_match[s + 1] as usize]
                {
                    f(p, end - self.len[p as usize] as usize, end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::contiguous::NFA;
    use aho_corasick::{Anchored, MatchKind};
    use proptest::prelude::*;

    fn by_bytes(patterns: &[String], hay: &str) -> Vec<(u32, usize, usize)> {
        let ac = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("builds");
        let mut out = Vec::new();
        let mut sid = ac.start_state(Anchored::No).expect("unanchored");
        for (i, &b) in hay.as_bytes().iter().enumerate() {
            sid = ac.next_state(Anchored::No, sid, b);
            if ac.is_special(sid) && ac.is_match(sid) {
                for k in 0..ac.match_len(sid) {
                    let p = ac.match_pattern(sid, k);
                    out.push((p.as_u32(), i + 1 - ac.pattern_len(p), i + 1));
                }
            }
        }
        out
    }

    fn by_chars(patterns: &[String], hay: &str) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        Words::new(patterns).for_each_match(hay, |p, s, e| out.push((p, s, e)));
        out
    }

    #[test]
    fn overlapping_and_nested_words_are_all_found_in_order() {
        let pats: Vec<String> = ["政府", "信息公开", "政府信息", "公开", "息公", "开"]
            .map(String::from)
            .to_vec();
        let hay = "县政府信息公开年报";
        let got = by_chars(&pats, hay);
        assert_eq!(got, by_bytes(&pats, hay));
        let words: Vec<&str> = got.iter().map(|&(_, s, e)| &hay[s..e]).collect();
        assert_eq!(
            words,
            ["政府", "政府信息", "息公", "信息公开", "公开", "开"]
        );
    }

    #[test]
    fn characters_outside_the_basic_plane_are_matched() {
        let pats: Vec<String> = ["𠀋村", "a"].map(String::from).to_vec();
        let hay = "x𠀋村ab";
        assert_eq!(by_chars(&pats, hay), by_bytes(&pats, hay));
        assert_eq!(by_chars(&pats, hay).len(), 2);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn the_same_matches_as_the_byte_automaton(
            pats in prop::collection::vec("[公开政府信息年报a-c𠀋]{1,4}", 1..12),
            hay in "[公开政府信息年报a-cx𠀋 ]{0,30}",
        ) {
            prop_assert_eq!(by_chars(&pats, &hay), by_bytes(&pats, &hay));
        }
    }
}
