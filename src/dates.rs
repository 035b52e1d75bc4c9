//! Calendar dates and the date a report gives itself: datelines ("KYIV, Sept 11 (Reuters) –"),
//! bulletin times ("as of 13:30 on May 17"), written dates ("on Saturday, 10 September 2022",
//! "Sept. 12, 2022", "12.09.2022", "2022-09-12"). A date written without a year takes the year
//! of the text's other dates, or of the day the report was added.

use crate::text::floor_char_boundary;
use serde::{Serialize, Serializer};
use std::fmt;

/// A day of the Gregorian calendar. Dates order as days do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, if `day` exists in `month` of `year`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let exists = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Date { year, month, day })
    }

    /// The days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// Days since 1970-01-01, by Howard Hinnant's `days_from_civil`
    /// (<https://howardhinnant.github.io/date_algorithms.html#days_from_civil>).
    fn day_number(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01, by Howard Hinnant's `civil_from_days`
    /// (<https://howardhinnant.github.io/date_algorithms.html#civil_from_days>).
    pub fn from_day_number(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month,
            day,
        }
    }

    /// Reads an ISO 8601 calendar date, "2022-09-12".
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(number(year)?, number(month)?, number(day)?)
    }
}

/// The ISO 8601 form, "2022-09-12".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The ASCII digits of `text` as a number.
fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| text.parse().ok())
        .flatten()
}

/// How far into a text its own date is looked for first: a dateline or a heading's date stands
/// at its top.
pub(crate) const DATELINE_REACH: usize = 300;
/// How much of a text is read for dates at all.
const READ_REACH: usize = 64 * 1024;

/// The date `text` gives itself, if it writes one: a date in its first few hundred bytes (a
/// dateline, a heading) or after "as of", else the latest date it writes. `added_year` is
/// the year of the day the report was added, for dates written without a year when the text
/// names no year beside them.
pub fn report_date(text: &str, added_year: i32) -> Option<Date> {
    let words = words(&text[..floor_char_boundary(text, READ_REACH)]);
    let written = written_dates(&words);
    let year_of_text = written
        .iter()
        .filter_map(|d| d.year)
        .max()
        .or_else(|| latest_year(&words));
    let dated = |w: &Written| {
        let year = w.year.or(year_of_text).unwrap_or(added_year);
        Date::new(year, w.month, w.day)
    };
    written
        .iter()
        .find(|w| w.start < DATELINE_REACH || w.after_as_of)
        .and_then(dated)
        .or_else(|| written.iter().filter_map(dated).max())
}

/// A date as a text writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Written {
    /// Byte offset of its first word.
    start: usize,
    year: Option<i32>,
    month: u8,
    day: u8,
    /// It follows "as of" or "as at" ("as of 13:30 on May 17").
    after_as_of: bool,
}

/// A run of ASCII letters or digits, and what separates it from the word before.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    text: &'a str,
    gap: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut last_end = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            words.push(Word {
                start,
                text: &text[start..i],
                gap: &text[last_end..start],
            });
            last_end = i;
        } else {
            i += 1;
        }
    }
    words
}

/// The month a word names: a capitalised English month or its abbreviation ("Sept", "SEPT").
fn month_of(word: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "january"],
        &["feb", "february"],
        &["mar", "march"],
        &["apr", "april"],
        &["may"],
        &["jun", "june"],
        &["jul", "july"],
        &["aug", "august"],
        &["sep", "sept", "september"],
        &["oct", "october"],
        &["nov", "november"],
        &["dec", "december"],
    ];
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    (1..=12u8).find(|&m| MONTHS[usize::from(m - 1)].contains(&lower.as_str()))
}

/// A day of the month as written: "17", "17th", "1st".
fn day_of(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let day: u8 = number(digits).filter(|_| digits.len() <= 2)?;
    (["", "st", "nd", "rd", "th"].contains(&suffix) && (1..=31).contains(&day)).then_some(day)
}

/// A year as written in a date: four digits, 1900 to 2099.
fn year_of(word: &str) -> Option<i32> {
    number(word).filter(|y| word.len() == 4 && (1900..2100).contains(y))
}

/// Words that stand together in a date: nothing but spaces, a comma or a full stop between.
fn adjacent(gap: &str) -> bool {
    gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == ',' || c == '.')
}

/// Every date the `words` of a text write, in text order.
fn written_dates(words: &[Word]) -> Vec<Written> {
    let mut dates = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = iso_at(words, i)
            .or_else(|| numeric_at(words, i))
            .or_else(|| month_day_at(words, i))
            .or_else(|| day_month_at(words, i));
        let Some((len, year, month, day)) = found else {
            i += 1;
            continue;
        };
        let after_as_of = (i.saturating_sub(6)..i).any(|k| {
            words[k].text.eq_ignore_ascii_case("as")
                && words.get(k + 1).is_some_and(|w| {
                    w.text.eq_ignore_ascii_case("of") || w.text.eq_ignore_ascii_case("at")
                })
        });
        dates.push(Written {
            start: words[i].start,
            year,
            month,
            day,
            after_as_of,
        });
        i += len;
    }
    dates
}

/// What a date pattern found at a word: how many words it took, the year if written, the month
/// and the day.
type Found = Option<(usize, Option<i32>, u8, u8)>;

/// "2022-09-12".
fn iso_at(words: &[Word], i: usize) -> Found {
    let [y, m, d] = words.get(i..i + 3)? else {
        return None;
    };
    if m.gap != "-" || d.gap != "-" || m.text.len() != 2 || d.text.len() != 2 {
        return None;
    }
    let date = Date::new(year_of(y.text)?, number(m.text)?, number(d.text)?)?;
    Some((3, Some(date.year), date.month, date.day))
}

/// "12.09.2022": day, month and year, as written in Ukraine and Russia.
fn numeric_at(words: &[Word], i: usize) -> Found {
    let [d, m, y] = words.get(i..i + 3)? else {
        return None;
    };
    if m.gap != "." || y.gap != "." || d.text.len() > 2 || m.text.len() > 2 {
        return None;
    }
    let date = Date::new(year_of(y.text)?, number(m.text)?, number(d.text)?)?;
    Some((3, Some(date.year), date.month, date.day))
}

/// "Sept 11", "Sept. 12, 2022", "May 17th".
fn month_day_at(words: &[Word], i: usize) -> Found {
    let month = month_of(words[i].text)?;
    let day_word = words.get(i + 1).filter(|w| adjacent(w.gap))?;
    let day = day_of(day_word.text)?;
    with_year_after(words, i, month, day)
}

/// "10 September 2022", "17 May".
fn day_month_at(words: &[Word], i: usize) -> Found {
    let day = day_of(words[i].text)?;
    let month_word = words.get(i + 1).filter(|w| adjacent(w.gap))?;
    let month = month_of(month_word.text)?;
    with_year_after(words, i, month, day)
}

/// A month and day written at words `i` and `i + 1`, with the year right after them if one
/// stands there.
fn with_year_after(words: &[Word], i: usize, month: u8, day: u8) -> Found {
    let year = words
        .get(i + 2)
        .filter(|w| adjacent(w.gap))
        .and_then(|w| year_of(w.text));
    Some((2 + usize::from(year.is_some()), year, month, day))
}

/// The latest year the `words` of a text name on their own ("in 2022"), from 2014 on: the
/// war's years.
fn latest_year(words: &[Word]) -> Option<i32> {
    words
        .iter()
        .filter_map(|w| year_of(w.text))
        .filter(|&y| y >= 2014)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn dates_exist_order_and_print_as_iso() {
        assert_eq!(Date::new(2024, 2, 29), Some(date("2024-02-29")));
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(
            Date::new(2000, 2, 29).map(|d| d.to_string()),
            Some("2000-02-29".into())
        );
        assert_eq!(Date::new(2022, 4, 31), None);
        assert_eq!(Date::new(2022, 13, 1), None);
        assert_eq!(Date::new(2022, 1, 0), None);
        assert!(date("2022-09-12") < date("2022-09-13") && date("2022-12-31") < date("2023-01-01"));
        for bad in [
            "2022-9-12",
            "2022-09-12-01",
            "22-09-12",
            "2022-09-xx",
            "",
            "2022-09-+1",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
        assert_eq!(
            serde_json::to_string(&date("2022-09-02")).unwrap(),
            "\"2022-09-02\""
        );
        let days = [
            ("1970-01-01", "1970-01-01", 0),
            ("2022-03-01", "2022-02-28", 1),
            ("2024-03-01", "2024-02-28", 2),
            ("2023-01-01", "2022-12-31", 1),
            ("2022-02-24", "2025-02-24", -1096),
            ("2022-09-12", "1970-01-01", 19_247),
        ];
        for (later, earlier, expected) in days {
            assert_eq!(
                date(later).days_since(date(earlier)),
                expected,
                "{later} − {earlier}"
            );
        }
        let epoch = date("1970-01-01");
        for day in [
            "1970-01-01",
            "2000-02-29",
            "2022-09-12",
            "1969-12-31",
            "2100-03-01",
        ] {
            let d = date(day);
            assert_eq!(Date::from_day_number(d.days_since(epoch)), d, "{day}");
        }
    }

    #[test]
    fn a_report_gives_its_date_as_reports_write_it() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "KYIV, Sept 11 (Reuters) – Ukrainian forces liberated Zarichne.",
                Some("2025-09-11"),
            ),
            (
                "KYIV, Sept 11, 2022 (Reuters) – Ukrainian forces liberated Zarichne.",
                Some("2022-09-11"),
            ),
            (
                "The situation as of 13:30 on May 17 is as follows.",
                Some("2025-05-17"),
            ),
            (
                "Kupiansk was liberated on Saturday, 10 September 2022.",
                Some("2022-09-10"),
            ),
            (
                "Updated Sept. 12, 2022. Troops entered Izium.",
                Some("2022-09-12"),
            ),
            (
                "Published 2023-06-08 08:00. Shelling of Kherson.",
                Some("2023-06-08"),
            ),
            (
                "Operational update 24.02.2023: the enemy attacked.",
                Some("2023-02-24"),
            ),
            ("On the 1st of March nothing happened.", None),
            ("Russia may 2 times more troops send.", None),
            ("", None),
            ("No date at all in 2022.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(report_date(text, 2025), expected.map(date), "{text:?}");
        }
    }

    #[test]
    fn a_date_without_a_year_takes_the_texts_year() {
        let text = "LONDON, Nov 3 (AP) — The offensive that began on Aug. 29, 2022 goes on.";
        assert_eq!(report_date(text, 2025), Some(date("2022-11-03")));
        let text = "Situation on 17th May. The spring of 2023 saw heavy fighting.";
        assert_eq!(report_date(text, 2025), Some(date("2023-05-17")));
    }

    #[test]
    fn deep_in_the_text_the_latest_date_is_the_reports() {
        let preface = "Ukrainian forces pressed on. ".repeat(20);
        let text = format!(
            "{preface}The war began on 24 February 2022. By Sept. 12, 2022 Izium was free, and on Sept. 9, 2022 Balakliia."
        );
        assert_eq!(report_date(&text, 2025), Some(date("2022-09-12")));
        let text = format!("{preface}Figures as of 8 June 2023, after the attack of 6 June 2023.");
        assert_eq!(report_date(&text, 2025), Some(date("2023-06-08")));
    }

    #[test]
    fn odd_texts_give_no_date_and_no_panic() {
        for text in [
            "Sept",
            "Sept 99",
            "31 February 2023",
            "2022-02-30",
            "ü Sept 1ü",
            "12..2022",
        ] {
            let _ = report_date(text, 2025);
        }
        assert_eq!(report_date("31 February 2023", 2025), None);
        let long = "Sept 1 ".repeat(20_000);
        assert_eq!(report_date(&long, 2025), Some(date("2025-09-01")));
    }
}
