//! Calendar dates as front matter writes them (`05/05/2020`, `3/26/2019`, `2020-05-05`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && year >= 1).then_some(Date { year, month, day })
    }

    /// US `MM/DD/YYYY` (padded or not, as the exports write `ms.date`) or ISO `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let nums = |sep: char| -> Option<Vec<u32>> {
            let parts: Vec<&str> = text.split(sep).collect();
            if parts.len() != 3
                || parts
                    .iter()
                    .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
            {
                return None;
            }
            parts.iter().map(|p| p.parse().ok()).collect()
        };
        if let Some(n) = nums('/') {
            return Date::new(
                u16::try_from(n[2]).ok()?,
                u8::try_from(n[0]).ok()?,
                u8::try_from(n[1]).ok()?,
            );
        }
        if let Some(n) = nums('-') {
            return Date::new(
                u16::try_from(n[0]).ok()?,
                u8::try_from(n[1]).ok()?,
                u8::try_from(n[2]).ok()?,
            );
        }
        None
    }

    /// `YYYY-MM-DD`, for `<time datetime>` and the sitemap.
    pub fn iso(&self) -> String {
        // Digit by digit: a build writes one for each page, its twin and the sitemap, and
        // `format!` cost several times this.
        if self.year > 9999 || self.month > 99 || self.day > 99 {
            return format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        }
        let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
        let y = self.year;
        let (m, d) = (u16::from(self.month), u16::from(self.day));
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            '-',
            digit(m / 10),
            digit(m),
            '-',
            digit(d / 10),
            digit(d),
        ]
        .into_iter()
        .collect()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats_exports_use() {
        assert_eq!(Date::parse("05/05/2020"), Date::new(2020, 5, 5));
        assert_eq!(Date::parse("3/26/2019"), Date::new(2019, 3, 26));
        assert_eq!(Date::parse("2021-07-29"), Date::new(2021, 7, 29));
        assert_eq!(Date::parse("02/30/2020"), None);
        assert_eq!(Date::parse("13/01/2020"), None);
        assert_eq!(Date::parse("soon"), None);
        assert_eq!(Date::parse("1/2/3/4"), None);
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse("04/30/2021") < Date::parse("07/29/2021"));
        assert!(Date::parse("12/31/2020") < Date::parse("1/1/2021"));
    }

    #[test]
    fn iso_is_zero_padded_year_month_day() {
        for (y, m, d) in [
            (2020, 5, 5),
            (999, 12, 31),
            (1, 1, 1),
            (9999, 10, 9),
            (2024, 2, 29),
        ] {
            let date = Date {
                year: y,
                month: m,
                day: d,
            };
            assert_eq!(date.iso(), format!("{y:04}-{m:02}-{d:02}"));
        }
        assert_eq!(Date::parse("3/26/2019").unwrap().iso(), "2019-03-26");
    }
}
