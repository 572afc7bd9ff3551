//! Date parsing in the forms Chinese portals use.
//!
//! Full dates: `2024-05-06`, `2024/05/06`, `2024.05.06`, `2024年5月6日`,
//! optionally followed by a time. Partial dates: `05-06`, `[05-06]`,
//! `5月6日` — month and day only, the year to be taken from context.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundDate {
    /// Year, month and day.
    Full(NaiveDate),
    /// Month and day only.
    MonthDay(u32, u32),
}

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^0-9])
        ((?:19|20)\d{2})\s*
        (?: [-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})
          | 年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日
        )
        (?:[^0-9]|$)",
    )
    .expect("valid regex")
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^0-9/.\-])
        (?: (\d{1,2})-(\d{1,2}) | (\d{1,2})月(\d{1,2})日 )
        (?:[^0-9\-]|$)",
    )
    .expect("valid regex")
});

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Finds the first full date in `text`.
#[must_use]
pub fn find_full(text: &str) -> Option<NaiveDate> {
    FULL.captures_iter(text).find_map(|c| {
        let y = c.get(1)?.as_str();
        match (c.get(2), c.get(3), c.get(4), c.get(5)) {
            (Some(m), Some(d), _, _) | (_, _, Some(m), Some(d)) => ymd(y, m.as_str(), d.as_str()),
            _ => None,
        }
    })
}

/// Finds the first full date, or failing that a month-day date, in `text`.
#[must_use]
pub fn find_date(text: &str) -> Option<FoundDate> {
    if let Some(d) = find_full(text) {
        return Some(FoundDate::Full(d));
    }
    MONTH_DAY.captures_iter(text).find_map(|c| {
        let (m, d) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(m), Some(d), _, _) | (_, _, Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => return None,
        };
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        // Validate against a leap year so 02-29 is accepted.
        NaiveDate::from_ymd_opt(2024, m, d)?;
        Some(FoundDate::MonthDay(m, d))
    })
}

/// Gives a month-day date a year: the latest year such that the date is not
/// after `reference` (lists are published up to the day they are read).
#[must_use]
pub fn infer_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    // Up to eight years back, for 02-29.
    (0..8).find_map(|back| {
        NaiveDate::from_ymd_opt(reference.year() - back, month, day).filter(|d| *d <= reference)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn every_full_form() {
        for s in [
            "2024-05-06",
            "2024/05/06",
            "2024.05.06",
            "2024年5月6日",
            "2024年05月06日",
            "发布日期：2024-5-6 10:33:59",
            "[2024-05-06]",
            "(2024.5.6)",
            "2024 年 5 月 6 日",
        ] {
            assert_eq!(find_date(s), Some(FoundDate::Full(d(2024, 5, 6))), "{s}");
        }
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(find_date("[05-06]"), Some(FoundDate::MonthDay(5, 6)));
        assert_eq!(find_date("05-06"), Some(FoundDate::MonthDay(5, 6)));
        assert_eq!(find_date("5月6日"), Some(FoundDate::MonthDay(5, 6)));
        assert_eq!(find_date("02-29"), Some(FoundDate::MonthDay(2, 29)));
    }

    #[test]
    fn not_dates() {
        for s in [
            "13-45",
            "第2024号",
            "20240506",
            "2024-13-01",
            "共120条",
            "1-2-3-4",
        ] {
            assert_eq!(find_date(s), None, "{s}");
        }
        assert_eq!(find_full("安府发〔2024〕3号"), None);
    }

    #[test]
    fn year_inference_crosses_new_year() {
        let r = d(2026, 6, 30);
        assert_eq!(infer_year(4, 20, r), Some(d(2026, 4, 20)));
        assert_eq!(infer_year(12, 28, r), Some(d(2025, 12, 28)));
        assert_eq!(infer_year(6, 30, r), Some(d(2026, 6, 30)));
        assert_eq!(infer_year(2, 29, r), Some(d(2024, 2, 29)));
    }
}
