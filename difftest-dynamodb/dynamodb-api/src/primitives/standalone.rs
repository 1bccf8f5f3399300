//! Primitive types used by the generated shapes.
//!
//! - [`Blob`]: opaque bytes (base64 in JSON).
//! - [`DateTime`]: a point in time with nanosecond precision, readable and writable in the
//!   Smithy timestamp formats listed in [`DateTimeFormat`].
//! - [`Document`] and [`Number`]: untyped, JSON-like open content.
//! - [`BigInteger`] and [`BigDecimal`]: arbitrary-precision numbers kept as validated text.
//! - [`base64`]: the standard base64 alphabet, with padding.
//!
//! These mirror the names in `aws-smithy-types`, but depend on nothing besides `std`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::decimal::{scaled_decimal, DecimalError};

// ---------------------------------------------------------------------------------------------
// Blob
// ---------------------------------------------------------------------------------------------

/// Binary data (a Smithy `blob`).
///
/// Blobs are written as standard base64, with padding, in JSON bodies.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Blob {
    inner: Vec<u8>,
}

impl Blob {
    /// Creates a blob from anything that converts into a byte vector.
    pub fn new(input: impl Into<Vec<u8>>) -> Self {
        Blob {
            inner: input.into(),
        }
    }

    /// Consumes the blob and returns its bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.inner
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.inner
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob::new(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob::new(bytes)
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob::new(text)
    }
}

impl From<String> for Blob {
    fn from(text: String) -> Self {
        Blob::new(text)
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.inner
    }
}

// ---------------------------------------------------------------------------------------------
// DateTime
// ---------------------------------------------------------------------------------------------

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const NANOS_PER_SECOND_I128: i128 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;

/// A point in time: whole seconds since the Unix epoch plus sub-second nanoseconds.
///
/// The sub-second part always moves the time *forward*, also before 1970: -1.5 s is stored as
/// `secs() == -2` and `subsec_nanos() == 500_000_000`. Ordering is chronological.
///
/// `Display` and `Debug` write the RFC 3339 `date-time` form (`2019-12-16T23:48:18.52Z`), or
/// epoch seconds when the year is outside `0001..=9999`.
///
/// Convert with [`SystemTime`] through `DateTime::from(system_time)` and
/// `SystemTime::try_from(date_time)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    // Field order matters: the derived `Ord` compares seconds first.
    seconds: i64,
    subsecond_nanos: u32,
}

/// The timestamp formats of the Smithy protocols.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateTimeFormat {
    /// RFC 3339 `date-time`, e.g. `2019-12-16T23:48:18Z`.
    ///
    /// Written in UTC with `Z` and up to microsecond precision (trailing zeros trimmed).
    /// Parsing accepts any number of fraction digits and also UTC offsets such as `+01:00`,
    /// normalising them to UTC, as the Smithy specification asks of deserializers.
    DateTime,
    /// RFC 3339 `date-time` with offsets allowed, e.g. `2019-12-16T23:48:18+01:00`.
    ///
    /// Kept for parity with `aws-smithy-types`; behaves exactly like
    /// [`DateTimeFormat::DateTime`].
    DateTimeWithOffset,
    /// HTTP date (IMF-fixdate), e.g. `Mon, 16 Dec 2019 23:48:18 GMT`.
    ///
    /// Written without fractional seconds; parsing tolerates one to three fraction digits.
    HttpDate,
    /// Seconds since the Unix epoch as a decimal number, e.g. `1576540098.52`.
    ///
    /// Written as an integer, or with a fraction whose trailing zeros are trimmed. Parsing
    /// also accepts a sign and an exponent (`1.576540098E9`); digits below nanoseconds are
    /// truncated.
    EpochSeconds,
}

impl DateTime {
    /// Creates a `DateTime` from whole seconds since the Unix epoch.
    pub const fn from_secs(epoch_seconds: i64) -> Self {
        DateTime {
            seconds: epoch_seconds,
            subsecond_nanos: 0,
        }
    }

    /// Creates a `DateTime` from milliseconds since the Unix epoch.
    pub fn from_millis(epoch_millis: i64) -> Self {
        DateTime {
            seconds: epoch_millis.div_euclid(1_000),
            // rem_euclid is in 0..1000, so the product stays below one second.
            subsecond_nanos: epoch_millis.rem_euclid(1_000) as u32 * 1_000_000,
        }
    }

    /// Creates a `DateTime` from nanoseconds since the Unix epoch.
    ///
    /// Fails if the seconds do not fit in an `i64`.
    pub fn from_nanos(epoch_nanos: i128) -> Result<Self, ConversionError> {
        if let Ok(nanos) = i64::try_from(epoch_nanos) {
            // Cheaper 64-bit division for the years 1678 to 2262.
            let per_second = i64::from(NANOS_PER_SECOND);
            return Ok(DateTime {
                seconds: nanos.div_euclid(per_second),
                subsecond_nanos: nanos.rem_euclid(per_second) as u32,
            });
        }
        let seconds = i64::try_from(epoch_nanos.div_euclid(NANOS_PER_SECOND_I128))
            .map_err(|_| ConversionError("epoch nanoseconds are out of range for a DateTime"))?;
        Ok(DateTime {
            seconds,
            subsecond_nanos: epoch_nanos.rem_euclid(NANOS_PER_SECOND_I128) as u32,
        })
    }

    /// Returns the nanoseconds since the Unix epoch.
    pub fn as_nanos(&self) -> i128 {
        i128::from(self.seconds) * NANOS_PER_SECOND_I128 + i128::from(self.subsecond_nanos)
    }

    /// Creates a `DateTime` from whole seconds and sub-second nanoseconds.
    ///
    /// Nanoseconds of one second or more carry into the seconds (saturating) instead of
    /// panicking.
    pub fn from_secs_and_nanos(seconds: i64, subsecond_nanos: u32) -> Self {
        DateTime {
            seconds: seconds.saturating_add(i64::from(subsecond_nanos / NANOS_PER_SECOND)),
            subsecond_nanos: subsecond_nanos % NANOS_PER_SECOND,
        }
    }

    /// Creates a `DateTime` from whole seconds plus a fraction of a second.
    ///
    /// The fraction is truncated to nanoseconds; `from_fractional_secs(1, 0.5)` equals
    /// `from_secs_and_nanos(1, 500_000_000)`. A fraction outside `0.0..1.0` moves the seconds
    /// (saturating); `NaN` counts as zero.
    pub fn from_fractional_secs(epoch_seconds: i64, fraction: f64) -> Self {
        let whole = fraction.floor();
        // `as` saturates and maps NaN to 0, which is what we want for hostile values.
        let seconds = epoch_seconds.saturating_add(whole as i64);
        let nanos = ((fraction - whole) * f64::from(NANOS_PER_SECOND)) as u32;
        // Rounding can produce exactly one second; from_secs_and_nanos carries it.
        DateTime::from_secs_and_nanos(seconds, nanos)
    }

    /// Creates a `DateTime` from fractional seconds since the Unix epoch.
    ///
    /// Out-of-range values saturate and `NaN` becomes the epoch.
    pub fn from_secs_f64(epoch_seconds: f64) -> Self {
        let whole = epoch_seconds.floor();
        DateTime::from_fractional_secs(whole as i64, epoch_seconds - whole)
    }

    /// Returns the time as fractional seconds since the Unix epoch (lossy).
    pub fn as_secs_f64(&self) -> f64 {
        self.seconds as f64 + f64::from(self.subsecond_nanos) / f64::from(NANOS_PER_SECOND)
    }

    /// Returns the whole seconds since the Unix epoch (rounded towards the past).
    pub fn secs(&self) -> i64 {
        self.seconds
    }

    /// Returns the sub-second nanoseconds, always in `0..1_000_000_000`.
    pub fn subsec_nanos(&self) -> u32 {
        self.subsecond_nanos
    }

    /// Returns `true` if the sub-second part is not zero.
    pub fn has_subsec_nanos(&self) -> bool {
        self.subsecond_nanos != 0
    }

    /// Sets the whole seconds since the Unix epoch.
    pub fn set_seconds(&mut self, seconds: i64) -> &mut Self {
        self.seconds = seconds;
        self
    }

    /// Sets the sub-second nanoseconds; a whole second or more carries into the seconds.
    pub fn set_subsec_nanos(&mut self, subsec_nanos: u32) -> &mut Self {
        *self = DateTime::from_secs_and_nanos(self.seconds, subsec_nanos);
        self
    }

    /// Returns the milliseconds since the Unix epoch, rounded towards the past.
    ///
    /// Fails if the result does not fit in an `i64`.
    pub fn to_millis(self) -> Result<i64, ConversionError> {
        i64::try_from(self.as_nanos().div_euclid(1_000_000))
            .map_err(|_| ConversionError("DateTime value too large to fit into i64 epoch millis"))
    }

    /// Formats the time in the given Smithy timestamp format.
    ///
    /// Fails for [`DateTimeFormat::DateTime`] and [`DateTimeFormat::HttpDate`] when the year is
    /// outside `0001..=9999`. Epoch seconds always succeed.
    pub fn fmt(&self, format: DateTimeFormat) -> Result<String, DateTimeFormatError> {
        match format {
            DateTimeFormat::DateTime | DateTimeFormat::DateTimeWithOffset => format_rfc3339(self),
            DateTimeFormat::HttpDate => format_http_date(self),
            DateTimeFormat::EpochSeconds => Ok(format_epoch_seconds(self)),
        }
    }

    /// Parses a timestamp written in the given Smithy timestamp format.
    pub fn from_str(s: &str, format: DateTimeFormat) -> Result<Self, DateTimeParseError> {
        match format {
            DateTimeFormat::DateTime | DateTimeFormat::DateTimeWithOffset => parse_rfc3339(s),
            DateTimeFormat::HttpDate => parse_http_date(s),
            DateTimeFormat::EpochSeconds => parse_epoch_seconds(s),
        }
    }

    /// Reads one timestamp from the front of `s`, for lists such as comma-separated headers.
    ///
    /// The timestamp must be followed by `delim` or the end of the string. Returns the
    /// timestamp and the rest of the string after the delimiter. Whitespace around the
    /// timestamp is ignored. An HTTP date ends at ` GMT`, so its inner comma is not a
    /// delimiter.
    pub fn read(
        s: &str,
        format: DateTimeFormat,
        delim: char,
    ) -> Result<(Self, &str), DateTimeParseError> {
        let (head, rest) = match format {
            DateTimeFormat::HttpDate => match s.find(" GMT") {
                Some(index) => s.split_at(index + 4),
                None => return Err(DateTimeParseError::new("http-date does not end in GMT")),
            },
            _ => s.split_at(s.find(delim).unwrap_or(s.len())),
        };
        let date_time = DateTime::from_str(head.trim(), format)?;
        let rest = rest.trim_start();
        if rest.is_empty() {
            Ok((date_time, rest))
        } else if let Some(after) = rest.strip_prefix(delim) {
            Ok((date_time, after))
        } else {
            Err(DateTimeParseError::new(
                "expected a delimiter after the timestamp",
            ))
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match format_rfc3339(self) {
            Ok(text) => f.write_str(&text),
            Err(_) => f.write_str(&format_epoch_seconds(self)),
        }
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<SystemTime> for DateTime {
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => {
                let seconds = i64::try_from(after.as_secs()).unwrap_or(i64::MAX);
                DateTime::from_secs_and_nanos(seconds, after.subsec_nanos())
            }
            Err(before) => {
                let before = before.duration();
                let nanos = i128::try_from(before.as_nanos()).unwrap_or(i128::MAX);
                DateTime::from_nanos(-nanos).unwrap_or(DateTime::from_secs(i64::MIN))
            }
        }
    }
}

/// Fails when the time is outside what [`SystemTime`] can hold on this platform.
impl TryFrom<DateTime> for SystemTime {
    type Error = ConversionError;

    fn try_from(date_time: DateTime) -> Result<Self, Self::Error> {
        if date_time.seconds >= 0 {
            UNIX_EPOCH
                .checked_add(Duration::new(
                    date_time.seconds.unsigned_abs(),
                    date_time.subsecond_nanos,
                ))
                .ok_or(ConversionError("DateTime is too late for SystemTime"))
        } else {
            // -1.5 s is stored as (-2 s, 0.5 s): go back 2 s, then forward 0.5 s.
            UNIX_EPOCH
                .checked_sub(Duration::from_secs(date_time.seconds.unsigned_abs()))
                .and_then(|t| t.checked_add(Duration::from_nanos(date_time.subsecond_nanos.into())))
                .ok_or(ConversionError("DateTime is too early for SystemTime"))
        }
    }
}

/// A [`DateTime`] could not be converted to or from another type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionError(&'static str);

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Error for ConversionError {}

/// A string could not be parsed as a [`DateTime`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeParseError {
    message: Cow<'static, str>,
}

impl DateTimeParseError {
    fn new(message: impl Into<Cow<'static, str>>) -> Self {
        DateTimeParseError {
            message: message.into(),
        }
    }
}

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date-time: {}", self.message)
    }
}

impl Error for DateTimeParseError {}

/// A [`DateTime`] cannot be written in the requested [`DateTimeFormat`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeFormatError {
    message: &'static str,
}

impl fmt::Display for DateTimeFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "date-time cannot be formatted since it is out of range: {}",
            self.message
        )
    }
}

impl Error for DateTimeFormatError {}

// --- calendar arithmetic -----------------------------------------------------------------------
//
// Days since 1970-01-01 <-> proleptic Gregorian (year, month, day), after Howard Hinnant's
// "chrono-compatible low-level date algorithms". Years are shifted to start on March 1st so
// that the leap day is the last day of the year; a 400-year era has 146 097 days.

const DAYS_FROM_0000_03_01_TO_EPOCH: i64 = 719_468;
const DAYS_PER_ERA: i64 = 146_097;

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400); // 0..=399
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 }; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1; // 0..=365
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era - DAYS_FROM_0000_03_01_TO_EPOCH
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + DAYS_FROM_0000_03_01_TO_EPOCH;
    let era = days.div_euclid(DAYS_PER_ERA);
    let day_of_era = days.rem_euclid(DAYS_PER_ERA); // 0..=146096
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Splits a time into (year, month, day, seconds of the day); the year may be any `i64`.
fn split_civil(date_time: &DateTime) -> (i64, u32, u32, u32) {
    let days = date_time.seconds.div_euclid(SECONDS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    (
        year,
        month,
        day,
        date_time.seconds.rem_euclid(SECONDS_PER_DAY) as u32,
    )
}

fn push_two_digits(out: &mut String, value: u32) {
    out.push(char::from(b'0' + (value / 10 % 10) as u8));
    out.push(char::from(b'0' + (value % 10) as u8));
}

fn push_time_of_day(out: &mut String, second_of_day: u32) {
    push_two_digits(out, second_of_day / 3600);
    out.push(':');
    push_two_digits(out, second_of_day / 60 % 60);
    out.push(':');
    push_two_digits(out, second_of_day % 60);
}

fn year_in_range(year: i64, format_name: &'static str) -> Result<u32, DateTimeFormatError> {
    if (1..=9999).contains(&year) {
        Ok(year as u32)
    } else {
        Err(DateTimeFormatError {
            message: format_name,
        })
    }
}

fn format_rfc3339(date_time: &DateTime) -> Result<String, DateTimeFormatError> {
    let (year, month, day, second_of_day) = split_civil(date_time);
    let year = year_in_range(
        year,
        "RFC 3339 date-times support years between 0001 and 9999",
    )?;
    let mut out = String::with_capacity(27);
    push_two_digits(&mut out, year / 100);
    push_two_digits(&mut out, year % 100);
    out.push('-');
    push_two_digits(&mut out, month);
    out.push('-');
    push_two_digits(&mut out, day);
    out.push('T');
    push_time_of_day(&mut out, second_of_day);
    // Microsecond precision, truncated, trailing zeros trimmed (as aws-smithy-types does).
    let mut micros = date_time.subsecond_nanos / 1_000;
    if micros != 0 {
        out.push('.');
        let mut place = 100_000;
        while micros != 0 {
            out.push(char::from(b'0' + (micros / place) as u8));
            micros %= place;
            place /= 10;
        }
    }
    out.push('Z');
    Ok(out)
}

fn format_http_date(date_time: &DateTime) -> Result<String, DateTimeFormatError> {
    let (year, month, day, second_of_day) = split_civil(date_time);
    let year = year_in_range(year, "HTTP dates support years between 0001 and 9999")?;
    // 1970-01-01 was a Thursday.
    let weekday = (date_time.seconds.div_euclid(SECONDS_PER_DAY) + 4).rem_euclid(7) as usize;
    let mut out = String::with_capacity(29);
    out.push_str(WEEKDAYS[weekday]);
    out.push_str(", ");
    push_two_digits(&mut out, day);
    out.push(' ');
    out.push_str(MONTHS[month as usize - 1]);
    out.push(' ');
    push_two_digits(&mut out, year / 100);
    push_two_digits(&mut out, year % 100);
    out.push(' ');
    push_time_of_day(&mut out, second_of_day);
    out.push_str(" GMT");
    Ok(out)
}

fn format_epoch_seconds(date_time: &DateTime) -> String {
    if date_time.subsecond_nanos == 0 {
        return date_time.seconds.to_string();
    }
    // Stored as (floor seconds, positive nanos); write the signed decimal value.
    let (sign, whole, fraction) = if date_time.seconds < 0 {
        (
            "-",
            (date_time.seconds + 1).unsigned_abs(),
            NANOS_PER_SECOND - date_time.subsecond_nanos,
        )
    } else {
        ("", date_time.seconds as u64, date_time.subsecond_nanos)
    };
    let mut out = format!("{sign}{whole}.{fraction:09}");
    while out.ends_with('0') {
        out.pop();
    }
    out
}

/// Parses `len` ASCII digits starting at `start`.
fn parse_digits(bytes: &[u8], start: usize, len: usize) -> Result<u32, DateTimeParseError> {
    let digits = bytes
        .get(start..start + len)
        .ok_or_else(|| DateTimeParseError::new("unexpected end of input"))?;
    digits.iter().try_fold(0u32, |acc, &b| {
        if b.is_ascii_digit() {
            Ok(acc * 10 + u32::from(b - b'0'))
        } else {
            Err(DateTimeParseError::new("expected a digit"))
        }
    })
}

fn expect_byte(bytes: &[u8], index: usize, expected: u8) -> Result<(), DateTimeParseError> {
    if bytes.get(index) == Some(&expected) {
        Ok(())
    } else {
        Err(DateTimeParseError::new(format!(
            "expected `{}` at position {index}",
            char::from(expected)
        )))
    }
}

/// Validates a calendar date and time of day; returns (seconds since epoch, extra nanos).
///
/// A leap second (`:60`) is accepted only at 23:59 and read as 23:59:59.999999999.
fn civil_to_epoch(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Result<(i64, Option<u32>), DateTimeParseError> {
    if !(1..=12).contains(&month) {
        return Err(DateTimeParseError::new("month is out of range"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(DateTimeParseError::new("day is out of range"));
    }
    if hour > 23 || minute > 59 {
        return Err(DateTimeParseError::new("time is out of range"));
    }
    let (second, leap_nanos) = match second {
        0..=59 => (second, None),
        60 if hour == 23 && minute == 59 => (59, Some(NANOS_PER_SECOND - 1)),
        _ => return Err(DateTimeParseError::new("second is out of range")),
    };
    let seconds = days_from_civil(year, month, day) * SECONDS_PER_DAY
        + i64::from(hour * 3600 + minute * 60 + second);
    Ok((seconds, leap_nanos))
}

/// RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
///
/// `T` and `Z` may be lower case (RFC 3339 §5.6). The fraction may have any length; digits
/// below nanoseconds are truncated.
fn parse_rfc3339(s: &str) -> Result<DateTime, DateTimeParseError> {
    let b = s.as_bytes();
    let year = parse_digits(b, 0, 4)?;
    expect_byte(b, 4, b'-')?;
    let month = parse_digits(b, 5, 2)?;
    expect_byte(b, 7, b'-')?;
    let day = parse_digits(b, 8, 2)?;
    if !matches!(b.get(10), Some(b'T' | b't')) {
        return Err(DateTimeParseError::new(
            "RFC 3339 date-times need `T` between date and time",
        ));
    }
    let hour = parse_digits(b, 11, 2)?;
    expect_byte(b, 13, b':')?;
    let minute = parse_digits(b, 14, 2)?;
    expect_byte(b, 16, b':')?;
    let second = parse_digits(b, 17, 2)?;
    let mut index = 19;
    let mut nanos = 0u32;
    if b.get(index) == Some(&b'.') {
        index += 1;
        let start = index;
        while let Some(digit) = b.get(index).filter(|d| d.is_ascii_digit()) {
            if index - start < 9 {
                nanos = nanos * 10 + u32::from(digit - b'0');
            }
            index += 1;
        }
        let digits = index - start;
        if digits == 0 {
            return Err(DateTimeParseError::new("empty fractional seconds"));
        }
        for _ in digits..9 {
            nanos *= 10;
        }
    }
    let offset_seconds = match b.get(index) {
        Some(b'Z' | b'z') => {
            index += 1;
            0
        }
        Some(&sign @ (b'+' | b'-')) => {
            let hours = parse_digits(b, index + 1, 2)?;
            expect_byte(b, index + 3, b':')?;
            let minutes = parse_digits(b, index + 4, 2)?;
            if hours > 23 || minutes > 59 {
                return Err(DateTimeParseError::new("UTC offset is out of range"));
            }
            index += 6;
            let offset = i64::from(hours * 3600 + minutes * 60);
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        _ => {
            return Err(DateTimeParseError::new(
                "RFC 3339 date-times need `Z` or a UTC offset",
            ))
        }
    };
    if index != b.len() {
        return Err(DateTimeParseError::new("unexpected characters at the end"));
    }
    let (seconds, leap_nanos) = civil_to_epoch(year.into(), month, day, hour, minute, second)?;
    Ok(DateTime {
        seconds: seconds - offset_seconds,
        subsecond_nanos: leap_nanos.unwrap_or(nanos),
    })
}

/// HTTP date, IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`, with an optional 1-3 digit
/// fraction after the seconds (tolerated as `aws-smithy-types` does). Surrounding whitespace
/// is ignored; the weekday name must be valid but is not checked against the date.
fn parse_http_date(s: &str) -> Result<DateTime, DateTimeParseError> {
    let b = s.trim().as_bytes();
    if b.len() < 29 || !b.ends_with(b" GMT") {
        return Err(DateTimeParseError::new(
            "http-date must look like `Sun, 06 Nov 1994 08:49:37 GMT`",
        ));
    }
    if !WEEKDAYS.iter().any(|w| b.starts_with(w.as_bytes())) {
        return Err(DateTimeParseError::new("invalid weekday"));
    }
    expect_byte(b, 3, b',')?;
    expect_byte(b, 4, b' ')?;
    let day = parse_digits(b, 5, 2)?;
    expect_byte(b, 7, b' ')?;
    let month = MONTHS
        .iter()
        .position(|m| b.get(8..11) == Some(m.as_bytes()))
        .ok_or_else(|| DateTimeParseError::new("invalid month"))? as u32
        + 1;
    expect_byte(b, 11, b' ')?;
    let year = parse_digits(b, 12, 4)?;
    expect_byte(b, 16, b' ')?;
    let hour = parse_digits(b, 17, 2)?;
    expect_byte(b, 19, b':')?;
    let minute = parse_digits(b, 20, 2)?;
    expect_byte(b, 22, b':')?;
    let second = parse_digits(b, 23, 2)?;
    // Between the seconds and " GMT": nothing, or `.` and 1-3 digits.
    let fraction = &b[25..b.len() - 4];
    let nanos = match fraction {
        [] => 0,
        [b'.', digits @ ..] if (1..=3).contains(&digits.len()) => {
            let value = parse_digits(digits, 0, digits.len())?;
            value * [100_000_000, 10_000_000, 1_000_000][digits.len() - 1]
        }
        [b'.', ..] => {
            return Err(DateTimeParseError::new(
                "http-date supports at most millisecond precision",
            ))
        }
        _ => {
            return Err(DateTimeParseError::new(
                "http-date must look like `Sun, 06 Nov 1994 08:49:37 GMT`",
            ))
        }
    };
    let (seconds, leap_nanos) = civil_to_epoch(year.into(), month, day, hour, minute, second)?;
    Ok(DateTime {
        seconds,
        subsecond_nanos: leap_nanos.unwrap_or(nanos),
    })
}

fn parse_epoch_seconds(s: &str) -> Result<DateTime, DateTimeParseError> {
    let nanos = scaled_decimal(s, 9, false).map_err(|e| match e {
        DecimalError::Overflow => DateTimeParseError::new("epoch-seconds value is out of range"),
        _ => DateTimeParseError::new("invalid epoch-seconds timestamp"),
    })?;
    DateTime::from_nanos(nanos)
        .map_err(|_| DateTimeParseError::new("epoch-seconds value is out of range"))
}

// ---------------------------------------------------------------------------------------------
// Document and Number
// ---------------------------------------------------------------------------------------------

/// Open content with JSON's data model (a Smithy `document`).
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// An object: string keys mapped to documents.
    Object(HashMap<String, Document>),
    /// An array of documents.
    Array(Vec<Document>),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// `null`.
    Null,
}

impl Document {
    /// Returns the object, if this is one.
    pub fn as_object(&self) -> Option<&HashMap<String, Document>> {
        match self {
            Document::Object(object) => Some(object),
            _ => None,
        }
    }

    /// Returns the object mutably, if this is one.
    pub fn as_object_mut(&mut self) -> Option<&mut HashMap<String, Document>> {
        match self {
            Document::Object(object) => Some(object),
            _ => None,
        }
    }

    /// Returns the array, if this is one.
    pub fn as_array(&self) -> Option<&Vec<Document>> {
        match self {
            Document::Array(array) => Some(array),
            _ => None,
        }
    }

    /// Returns the array mutably, if this is one.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Document>> {
        match self {
            Document::Array(array) => Some(array),
            _ => None,
        }
    }

    /// Returns the number, if this is one.
    pub fn as_number(&self) -> Option<Number> {
        match self {
            Document::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// Returns the string, if this is one.
    pub fn as_string(&self) -> Option<&str> {
        match self {
            Document::String(string) => Some(string),
            _ => None,
        }
    }

    /// Returns the boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Document::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// Returns `true` if this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Document::Null)
    }
}

impl From<bool> for Document {
    fn from(value: bool) -> Self {
        Document::Bool(value)
    }
}

impl From<String> for Document {
    fn from(value: String) -> Self {
        Document::String(value)
    }
}

impl From<&str> for Document {
    fn from(value: &str) -> Self {
        Document::String(value.to_owned())
    }
}

impl From<Vec<Document>> for Document {
    fn from(values: Vec<Document>) -> Self {
        Document::Array(values)
    }
}

impl From<HashMap<String, Document>> for Document {
    fn from(values: HashMap<String, Document>) -> Self {
        Document::Object(values)
    }
}

impl From<Number> for Document {
    fn from(value: Number) -> Self {
        Document::Number(value)
    }
}

impl From<u64> for Document {
    fn from(value: u64) -> Self {
        Document::Number(value.into())
    }
}

impl From<i64> for Document {
    fn from(value: i64) -> Self {
        Document::Number(value.into())
    }
}

impl From<i32> for Document {
    fn from(value: i32) -> Self {
        Document::Number(i64::from(value).into())
    }
}

impl From<f64> for Document {
    fn from(value: f64) -> Self {
        Document::Number(value.into())
    }
}

/// A number with JSON semantics.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A floating-point number.
    Float(f64),
}

impl Number {
    /// Converts to `f64`, rounding large integers.
    pub fn to_f64_lossy(self) -> f64 {
        match self {
            Number::PosInt(v) => v as f64,
            Number::NegInt(v) => v as f64,
            Number::Float(v) => v,
        }
    }

    /// Converts to `f32`, rounding as needed.
    pub fn to_f32_lossy(self) -> f32 {
        match self {
            Number::PosInt(v) => v as f32,
            Number::NegInt(v) => v as f32,
            Number::Float(v) => v as f32,
        }
    }

    /// The exact integer value, if there is one (whole floats included).
    fn to_i128_exact(self) -> Result<i128, crate::error::TryFromNumberError> {
        match self {
            Number::PosInt(v) => Ok(v.into()),
            Number::NegInt(v) => Ok(v.into()),
            // Every finite float with no fraction and magnitude below 2^127 is an exact i128.
            Number::Float(v) if v.fract() == 0.0 && v.abs() < 1.7e38 => Ok(v as i128),
            Number::Float(v) => Err(crate::error::TryFromNumberError::float_to_integer(v)),
        }
    }
}

impl From<u64> for Number {
    fn from(value: u64) -> Self {
        Number::PosInt(value)
    }
}

impl From<i64> for Number {
    /// Non-negative values become [`Number::PosInt`], negative ones [`Number::NegInt`].
    fn from(value: i64) -> Self {
        if value < 0 {
            Number::NegInt(value)
        } else {
            Number::PosInt(value.unsigned_abs())
        }
    }
}

impl From<f64> for Number {
    fn from(value: f64) -> Self {
        Number::Float(value)
    }
}

macro_rules! number_to_integer {
    ($($ty:ty),*) => {$(
        /// Fails if the number is not a whole number within range (`5.0` converts, `5.5` does
        /// not).
        impl TryFrom<Number> for $ty {
            type Error = crate::error::TryFromNumberError;

            fn try_from(value: Number) -> Result<Self, Self::Error> {
                let exact = value.to_i128_exact()?;
                <$ty>::try_from(exact).map_err(|_| {
                    crate::error::TryFromNumberError::out_of_range(stringify!($ty))
                })
            }
        }
    )*};
}

number_to_integer!(u64, u32, u16, u8, i64, i32, i16, i8);

/// Fails for integers beyond ±2^53, which `f64` cannot hold exactly.
impl TryFrom<Number> for f64 {
    type Error = crate::error::TryFromNumberError;

    fn try_from(value: Number) -> Result<Self, Self::Error> {
        match value {
            Number::Float(v) => Ok(v),
            _ => {
                let exact = value.to_i128_exact()?;
                if exact.unsigned_abs() <= 1 << 53 {
                    Ok(exact as f64)
                } else {
                    Err(crate::error::TryFromNumberError::lossy("f64"))
                }
            }
        }
    }
}

/// Fails for integers beyond ±2^24 and floats that `f32` cannot hold exactly.
impl TryFrom<Number> for f32 {
    type Error = crate::error::TryFromNumberError;

    fn try_from(value: Number) -> Result<Self, Self::Error> {
        match value {
            Number::Float(v) if v.is_nan() || f64::from(v as f32) == v => Ok(v as f32),
            Number::Float(_) => Err(crate::error::TryFromNumberError::lossy("f32")),
            _ => {
                let exact = value.to_i128_exact()?;
                if exact.unsigned_abs() <= 1 << 24 {
                    Ok(exact as f32)
                } else {
                    Err(crate::error::TryFromNumberError::lossy("f32"))
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Big numbers
// ---------------------------------------------------------------------------------------------

/// Text that is not a valid [`BigInteger`] or [`BigDecimal`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BigNumberError {
    /// The text is not a number of the expected kind; holds the rejected input.
    InvalidFormat(String),
}

impl fmt::Display for BigNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BigNumberError::InvalidFormat(input) => write!(f, "invalid number format: {input}"),
        }
    }
}

impl Error for BigNumberError {}

/// Skips ASCII digits from `i`; returns the new index.
fn skip_digits(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

fn skip_sign(b: &[u8]) -> usize {
    usize::from(matches!(b.first(), Some(b'+' | b'-')))
}

/// `[+-]digits`
fn is_big_integer(s: &str) -> bool {
    let b = s.as_bytes();
    let start = skip_sign(b);
    let end = skip_digits(b, start);
    end > start && end == b.len()
}

/// `[+-](digits[.digits*] | .digits)[(e|E)[+-]digits]`
fn is_big_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let start = skip_sign(b);
    let mut i = skip_digits(b, start);
    let mut mantissa_digits = i - start;
    if b.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i = skip_digits(b, frac_start);
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent_start = i;
        i = skip_digits(b, i);
        if i == exponent_start {
            return false;
        }
    }
    i == b.len()
}

/// An arbitrary-precision integer (a Smithy `bigInteger`), kept as validated text.
///
/// Parse one with [`str::parse`]; hand [`BigInteger::as_str`] to the big-number library of
/// your choice. No arithmetic is provided.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInteger(String);

impl BigInteger {
    /// Returns the number's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BigInteger {
    fn default() -> Self {
        BigInteger("0".to_owned())
    }
}

impl FromStr for BigInteger {
    type Err = BigNumberError;

    /// Accepts an optional sign followed by decimal digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_big_integer(s) {
            Ok(BigInteger(s.to_owned()))
        } else {
            Err(BigNumberError::InvalidFormat(s.to_owned()))
        }
    }
}

impl AsRef<str> for BigInteger {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An arbitrary-precision decimal (a Smithy `bigDecimal`), kept as validated text.
///
/// Parse one with [`str::parse`]; hand [`BigDecimal::as_str`] to the big-number library of
/// your choice. No arithmetic is provided.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigDecimal(String);

impl BigDecimal {
    /// Returns the number's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BigDecimal {
    fn default() -> Self {
        BigDecimal("0.0".to_owned())
    }
}

impl FromStr for BigDecimal {
    type Err = BigNumberError;

    /// Accepts an optional sign, digits with an optional decimal point (`1.5`, `1.`, `.5`) and
    /// an optional exponent (`1.5E-3`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_big_decimal(s) {
            Ok(BigDecimal(s.to_owned()))
        } else {
            Err(BigNumberError::InvalidFormat(s.to_owned()))
        }
    }
}

impl AsRef<str> for BigDecimal {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// base64
// ---------------------------------------------------------------------------------------------

pub mod base64 {
    //! Standard base64 (RFC 4648 §4 alphabet) with `=` padding.
    //!
    //! Decoding is strict: the input length must be a multiple of four, padding must be
    //! present and correct, and whitespace or URL-safe characters (`-`, `_`) are rejected.
    //! Unused low bits in the last character are ignored.

    use std::error::Error;
    use std::fmt;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const INVALID: u8 = 0xFF;
    const DECODE: [u8; 256] = decode_table();

    const fn decode_table() -> [u8; 256] {
        let mut table = [INVALID; 256];
        let mut i = 0;
        while i < 64 {
            table[ALPHABET[i] as usize] = i as u8;
            i += 1;
        }
        table
    }

    /// Encodes bytes as base64 with padding.
    pub fn encode(input: impl AsRef<[u8]>) -> String {
        let input = input.as_ref();
        let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
        let symbol = |index: u32| char::from(ALPHABET[(index & 0x3F) as usize]);
        let mut chunks = input.chunks_exact(3);
        for chunk in &mut chunks {
            let n = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
            out.push(symbol(n >> 18));
            out.push(symbol(n >> 12));
            out.push(symbol(n >> 6));
            out.push(symbol(n));
        }
        match *chunks.remainder() {
            [a] => {
                let n = u32::from(a) << 16;
                out.push(symbol(n >> 18));
                out.push(symbol(n >> 12));
                out.push_str("==");
            }
            [a, b] => {
                let n = u32::from(a) << 16 | u32::from(b) << 8;
                out.push(symbol(n >> 18));
                out.push(symbol(n >> 12));
                out.push(symbol(n >> 6));
                out.push('=');
            }
            _ => {}
        }
        out
    }

    /// Returns the length of the base64 encoding of `length` bytes.
    pub fn encoded_length(length: u64) -> u64 {
        length.div_ceil(3) * 4
    }

    /// Decodes padded standard base64.
    pub fn decode(input: impl AsRef<str>) -> Result<Vec<u8>, DecodeError> {
        let input = input.as_ref().as_bytes();
        if input.len() % 4 != 0 {
            return Err(DecodeError {
                offset: input.len(),
                reason: "length is not a multiple of 4",
            });
        }
        let mut out = Vec::with_capacity(input.len() / 4 * 3);
        let quads = input.chunks_exact(4);
        let last = quads.len().saturating_sub(1);
        for (index, quad) in quads.enumerate() {
            let offset = index * 4;
            let value = |i: usize| -> Result<u32, DecodeError> {
                match DECODE[usize::from(quad[i])] {
                    INVALID => Err(DecodeError {
                        offset: offset + i,
                        reason: "invalid character",
                    }),
                    v => Ok(u32::from(v)),
                }
            };
            let padding = match (quad[2], quad[3]) {
                (b'=', b'=') if index == last => 2,
                (_, b'=') if index == last => 1,
                _ => 0,
            };
            let n = value(0)? << 18
                | value(1)? << 12
                | if padding < 2 { value(2)? << 6 } else { 0 }
                | if padding < 1 { value(3)? } else { 0 };
            out.push((n >> 16) as u8);
            if padding < 2 {
                out.push((n >> 8) as u8);
            }
            if padding < 1 {
                out.push(n as u8);
            }
        }
        Ok(out)
    }

    /// Invalid base64 input.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct DecodeError {
        offset: usize,
        reason: &'static str,
    }

    impl DecodeError {
        /// Returns the byte offset in the input where decoding failed.
        pub fn offset(&self) -> usize {
            self.offset
        }
    }

    impl fmt::Display for DecodeError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "invalid base64 at offset {}: {}",
                self.offset, self.reason
            )
        }
    }

    impl Error for DecodeError {}

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn rfc4648_vectors() {
            let vectors = [
                ("", ""),
                ("f", "Zg=="),
                ("fo", "Zm8="),
                ("foo", "Zm9v"),
                ("foob", "Zm9vYg=="),
                ("fooba", "Zm9vYmE="),
                ("foobar", "Zm9vYmFy"),
            ];
            for (plain, encoded) in vectors {
                assert_eq!(encode(plain), encoded);
                assert_eq!(decode(encoded).unwrap(), plain.as_bytes());
            }
            assert_eq!(encode([0xFBu8, 0xFF, 0xBF]), "+/+/");
            assert_eq!(decode("+/+/").unwrap(), [0xFB, 0xFF, 0xBF]);
        }

        #[test]
        fn round_trips_every_length_and_byte() {
            let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
            for len in 0..bytes.len() {
                let encoded = encode(&bytes[..len]);
                assert_eq!(encoded.len() as u64, encoded_length(len as u64));
                assert_eq!(decode(&encoded).unwrap(), &bytes[..len], "length {len}");
            }
        }

        #[test]
        fn rejects_malformed_input() {
            // Cases from the restJson1 malformed-blob and malformed-string protocol tests.
            for bad in ["xyz", "YmxvYg=", "[][]", "-_=="] {
                assert!(decode(bad).is_err(), "{bad}");
            }
            for bad in [
                "Zg", "Zg=", "Z===", "====", "Zg==Zg==", "Zm9v\n", " Zm9", "Zm=v", "Zm9vY===",
                "é===",
            ] {
                assert!(decode(bad).is_err(), "{bad:?}");
            }
            let error = decode("Zm9v!A==").unwrap_err();
            assert_eq!(error.offset(), 4);
            assert_eq!(
                error.to_string(),
                "invalid base64 at offset 4: invalid character"
            );
        }

        #[test]
        fn ignores_unused_trailing_bits() {
            assert_eq!(decode("Zh==").unwrap(), b"f");
            assert_eq!(decode("Zm9=").unwrap(), b"fo");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime {
        DateTime::from_str(s, DateTimeFormat::DateTime).unwrap()
    }

    #[test]
    fn blob_conversions() {
        let blob = Blob::new("abc");
        assert_eq!(blob.as_ref(), b"abc");
        assert_eq!(Blob::from(vec![1u8, 2]).into_inner(), vec![1, 2]);
        assert_eq!(Blob::from(&b"x"[..]), Blob::from("x"));
        assert_eq!(Blob::from(String::from("x")), Blob::new(vec![b'x']));
        assert_eq!(Vec::<u8>::from(Blob::default()), Vec::<u8>::new());
    }

    #[test]
    fn date_time_constructors() {
        assert_eq!(
            DateTime::from_millis(1_500),
            DateTime::from_secs_and_nanos(1, 500_000_000)
        );
        assert_eq!(
            DateTime::from_millis(-1_500),
            DateTime::from_secs_and_nanos(-2, 500_000_000)
        );
        assert_eq!(
            DateTime::from_fractional_secs(1, 0.5),
            DateTime::from_secs_and_nanos(1, 500_000_000)
        );
        assert_eq!(
            DateTime::from_secs_f64(1.5),
            DateTime::from_fractional_secs(1, 0.5)
        );
        assert_eq!(
            DateTime::from_secs_f64(-1.5),
            DateTime::from_secs_and_nanos(-2, 500_000_000)
        );
        assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::from_secs(0));
        assert_eq!(DateTime::from_secs_f64(f64::INFINITY).secs(), i64::MAX);
        assert_eq!(DateTime::from_secs_f64(-1e300).secs(), i64::MIN);
        assert_eq!(
            DateTime::from_fractional_secs(5, 2.25),
            DateTime::from_secs_and_nanos(7, 250_000_000)
        );
        // Carry instead of panic.
        assert_eq!(
            DateTime::from_secs_and_nanos(1, 2_500_000_000),
            DateTime::from_secs_and_nanos(3, 500_000_000)
        );
        assert_eq!(
            DateTime::from_secs_and_nanos(i64::MAX, 1_000_000_000).secs(),
            i64::MAX
        );
        let mut dt = DateTime::from_secs(10);
        dt.set_seconds(20).set_subsec_nanos(1_000_000_001);
        assert_eq!(dt, DateTime::from_secs_and_nanos(21, 1));
        assert!(dt.has_subsec_nanos());
        assert_eq!(
            DateTime::from_secs_and_nanos(1, 250_000_000).as_secs_f64(),
            1.25
        );
        assert_eq!(
            DateTime::from_secs_and_nanos(-2, 750_000_000).as_secs_f64(),
            -1.25
        );
    }

    #[test]
    fn date_time_nanos_and_millis() {
        let dt = DateTime::from_nanos(-1).unwrap();
        assert_eq!((dt.secs(), dt.subsec_nanos()), (-1, 999_999_999));
        assert_eq!(dt.as_nanos(), -1);
        assert_eq!(dt.to_millis().unwrap(), -1);
        assert_eq!(DateTime::from_millis(-1).to_millis().unwrap(), -1);
        assert_eq!(DateTime::from_millis(1_234).to_millis().unwrap(), 1_234);
        assert_eq!(
            DateTime::from_millis(i64::MIN).to_millis().unwrap(),
            i64::MIN
        );
        assert_eq!(
            DateTime::from_millis(i64::MAX).to_millis().unwrap(),
            i64::MAX
        );
        assert!(DateTime::from_secs(i64::MAX).to_millis().is_err());
        assert!(DateTime::from_nanos(i128::MAX).is_err());
        let extreme = DateTime::from_secs_and_nanos(i64::MIN, 0);
        assert_eq!(DateTime::from_nanos(extreme.as_nanos()).unwrap(), extreme);
    }

    #[test]
    fn date_time_ordering() {
        let mut times = [
            DateTime::from_secs_and_nanos(1, 0),
            DateTime::from_secs_and_nanos(-1, 999_999_999),
            DateTime::from_secs_and_nanos(-1, 0),
            DateTime::from_secs_and_nanos(0, 1),
        ];
        times.sort();
        let nanos: Vec<i128> = times.iter().map(DateTime::as_nanos).collect();
        assert_eq!(nanos, vec![-1_000_000_000, -1, 1, 1_000_000_000]);
    }

    #[test]
    fn system_time_round_trip() {
        for (secs, nanos) in [
            (0, 0),
            (1_576_540_098, 123_456_789),
            (-1, 1),
            (-2, 500_000_000),
        ] {
            let dt = DateTime::from_secs_and_nanos(secs, nanos);
            let system = SystemTime::try_from(dt).unwrap();
            assert_eq!(DateTime::from(system), dt);
        }
        let before = UNIX_EPOCH - Duration::from_millis(1_500);
        assert_eq!(DateTime::from(before), DateTime::from_millis(-1_500));
        // Extremes either convert exactly or fail; they never panic.
        for dt in [
            DateTime::from_secs(i64::MIN),
            DateTime::from_secs_and_nanos(i64::MAX, 999_999_999),
        ] {
            if let Ok(system) = SystemTime::try_from(dt) {
                assert_eq!(DateTime::from(system), dt);
            }
        }
    }

    #[test]
    fn civil_conversion_matches_known_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
        assert_eq!(days_from_civil(9999, 12, 31), 2_932_896);
        // Every day across many 400-year eras round-trips and dates are consecutive.
        let mut previous = civil_from_days(-800_000);
        for days in -799_999..3_000_000i64 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            let (py, pm, pd) = previous;
            let next_day = if pd == days_in_month(py, pm) {
                if pm == 12 {
                    (py + 1, 1, 1)
                } else {
                    (py, pm + 1, 1)
                }
            } else {
                (py, pm, pd + 1)
            };
            assert_eq!((y, m, d), next_day);
            previous = (y, m, d);
        }
        // The extremes of i64 seconds do not overflow.
        for secs in [i64::MIN, i64::MAX] {
            let days = secs.div_euclid(SECONDS_PER_DAY);
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn format_date_time() {
        let format = |secs, nanos| {
            DateTime::from_secs_and_nanos(secs, nanos)
                .fmt(DateTimeFormat::DateTime)
                .unwrap()
        };
        assert_eq!(format(1_576_540_098, 0), "2019-12-16T23:48:18Z");
        assert_eq!(
            format(1_576_540_098, 520_000_000),
            "2019-12-16T23:48:18.52Z"
        );
        // Microsecond precision, truncated.
        assert_eq!(
            format(1_576_540_098, 123_456_789),
            "2019-12-16T23:48:18.123456Z"
        );
        assert_eq!(format(1_576_540_098, 999), "2019-12-16T23:48:18Z");
        assert_eq!(format(1_576_540_098, 1_000), "2019-12-16T23:48:18.000001Z");
        assert_eq!(format(0, 0), "1970-01-01T00:00:00Z");
        assert_eq!(format(-1, 0), "1969-12-31T23:59:59Z");
        assert_eq!(format(951_782_400, 0), "2000-02-29T00:00:00Z");
        assert_eq!(format(-62_135_596_800, 0), "0001-01-01T00:00:00Z");
        assert_eq!(
            format(253_402_300_799, 999_999_999),
            "9999-12-31T23:59:59.999999Z"
        );
        for secs in [-62_135_596_801, 253_402_300_800, i64::MIN, i64::MAX] {
            let error = DateTime::from_secs(secs)
                .fmt(DateTimeFormat::DateTime)
                .unwrap_err();
            assert!(error.to_string().contains("out of range"));
        }
        assert_eq!(
            DateTime::from_secs(1)
                .fmt(DateTimeFormat::DateTimeWithOffset)
                .unwrap(),
            "1970-01-01T00:00:01Z"
        );
    }

    #[test]
    fn parse_date_time() {
        assert_eq!(
            utc("2019-12-16T23:48:18Z"),
            DateTime::from_secs(1_576_540_098)
        );
        assert_eq!(
            utc("2019-12-16T23:48:18.52Z"),
            DateTime::from_secs_and_nanos(1_576_540_098, 520_000_000)
        );
        assert_eq!(
            utc("2000-01-02T20:34:56.123Z"),
            DateTime::from_secs_and_nanos(946_845_296, 123_000_000)
        );
        // Any fraction length; beyond nanoseconds is truncated.
        assert_eq!(
            utc("2019-12-16T23:48:18.123456789987Z"),
            DateTime::from_secs_and_nanos(1_576_540_098, 123_456_789)
        );
        // Lower-case separators (RFC 3339 §5.6).
        assert_eq!(
            utc("2019-12-16t23:48:18z"),
            DateTime::from_secs(1_576_540_098)
        );
        // Offsets are normalised to UTC (restJson1 datetime-offsets protocol tests).
        assert_eq!(
            utc("2019-12-16T22:48:18-01:00"),
            DateTime::from_secs(1_576_540_098)
        );
        assert_eq!(
            utc("2019-12-17T00:48:18+01:00"),
            DateTime::from_secs(1_576_540_098)
        );
        assert_eq!(
            DateTime::from_str(
                "2019-12-17T00:48:18+01:00",
                DateTimeFormat::DateTimeWithOffset
            )
            .unwrap(),
            DateTime::from_secs(1_576_540_098)
        );
        assert_eq!(
            utc("1969-12-31T23:59:59.5Z"),
            DateTime::from_secs_and_nanos(-1, 500_000_000)
        );
        assert_eq!(utc("0000-01-01T00:00:00Z").secs(), -62_167_219_200);
        assert_eq!(utc("2000-02-29T00:00:00Z").secs(), 951_782_400);
        assert_eq!(
            utc("2016-12-31T23:59:60Z"),
            DateTime::from_secs_and_nanos(1_483_228_799, 999_999_999)
        );
        for bad in [
            "",
            "2019-12-16",
            "2019-12-16T23:48:18",
            "2019-12-16 23:48:18Z",
            "2019-12-16T23:48:18.Z",
            "2019-12-16T23:48:18ZZ",
            "2019-12-16T23:48Z",
            "2019-13-16T23:48:18Z",
            "2019-00-16T23:48:18Z",
            "2019-02-29T23:48:18Z",
            "1900-02-29T00:00:00Z",
            "2019-12-32T23:48:18Z",
            "2019-12-16T24:00:00Z",
            "2019-12-16T23:60:00Z",
            "2019-12-16T23:48:60Z",
            "2019-12-16T23:48:18+24:00",
            "2019-12-16T23:48:18+01",
            "2019-12-16T23:48:18+0100",
            "+2019-12-16T23:48:18Z",
            "２019-12-16T23:48:18Z",
            "2019-12-16T23:48:18.１Z",
        ] {
            assert!(
                DateTime::from_str(bad, DateTimeFormat::DateTime).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn http_date() {
        let dt = DateTime::from_secs(1_398_796_238);
        assert_eq!(
            dt.fmt(DateTimeFormat::HttpDate).unwrap(),
            "Tue, 29 Apr 2014 18:30:38 GMT"
        );
        fn parse(s: &str) -> Result<DateTime, DateTimeParseError> {
            DateTime::from_str(s, DateTimeFormat::HttpDate)
        }
        assert_eq!(parse("Tue, 29 Apr 2014 18:30:38 GMT").unwrap(), dt);
        // No fraction on output; 1-3 fraction digits tolerated on input.
        let with_millis = DateTime::from_secs_and_nanos(1_576_540_098, 123_000_000);
        assert_eq!(
            with_millis.fmt(DateTimeFormat::HttpDate).unwrap(),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        assert_eq!(
            parse("Mon, 16 Dec 2019 23:48:18.123 GMT").unwrap(),
            with_millis
        );
        assert_eq!(
            parse("Mon, 16 Dec 2019 23:48:18.1 GMT").unwrap(),
            DateTime::from_secs_and_nanos(1_576_540_098, 100_000_000)
        );
        assert_eq!(
            parse("  Mon, 16 Dec 2019 23:48:18 GMT ").unwrap().secs(),
            1_576_540_098
        );
        assert_eq!(
            DateTime::from_secs(-62_135_596_800)
                .fmt(DateTimeFormat::HttpDate)
                .unwrap(),
            "Mon, 01 Jan 0001 00:00:00 GMT"
        );
        assert_eq!(
            DateTime::from_secs_and_nanos(253_402_300_799, 999_999_999)
                .fmt(DateTimeFormat::HttpDate)
                .unwrap(),
            "Fri, 31 Dec 9999 23:59:59 GMT"
        );
        assert!(DateTime::from_secs(-62_135_596_801)
            .fmt(DateTimeFormat::HttpDate)
            .is_err());
        assert!(DateTime::from_secs(253_402_300_800)
            .fmt(DateTimeFormat::HttpDate)
            .is_err());
        for bad in [
            "Mon, 16 Dec 2019 23:48:18.1234 GMT",
            "Mon, 16 Dec 2019 23:48:18. GMT",
            "Mon, 16 Dec 2019 23:48:18 UTC",
            "Mon 16 Dec 2019 23:48:18 GMT",
            "Xyz, 16 Dec 2019 23:48:18 GMT",
            "Mon, 16 Foo 2019 23:48:18 GMT",
            "Mon, 32 Dec 2019 23:48:18 GMT",
            "Mon, 16 Dec 2019 25:48:18 GMT",
            "Mon, 16 Dec 2019 23:48:18xGMT",
            "Mon, 16 Dec 2019 23:48:18 GMTx",
            "Monday, 16-Dec-19 23:48:18 GMT",
            "",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        // Every day of a few years round-trips.
        for day in 0..2_000i64 {
            let dt = DateTime::from_secs(day * 86_400 + day * 37);
            assert_eq!(
                parse(&dt.fmt(DateTimeFormat::HttpDate).unwrap()).unwrap(),
                dt
            );
        }
    }

    #[test]
    fn epoch_seconds() {
        let format = |secs, nanos| {
            DateTime::from_secs_and_nanos(secs, nanos)
                .fmt(DateTimeFormat::EpochSeconds)
                .unwrap()
        };
        assert_eq!(format(1_515_531_081, 0), "1515531081");
        assert_eq!(format(1_515_531_081, 123_000_000), "1515531081.123");
        assert_eq!(format(1, 1), "1.000000001");
        assert_eq!(format(-2, 500_000_000), "-1.5");
        assert_eq!(format(-1, 500_000_000), "-0.5");
        assert_eq!(format(-1, 0), "-1");
        assert_eq!(format(i64::MIN, 1), "-9223372036854775807.999999999");
        fn parse(s: &str) -> Result<DateTime, DateTimeParseError> {
            DateTime::from_str(s, DateTimeFormat::EpochSeconds)
        }
        assert_eq!(
            parse("1515531081.123").unwrap(),
            DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000)
        );
        assert_eq!(
            parse("1.515531081123E9").unwrap(),
            DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000)
        );
        assert_eq!(
            parse("1.515531081123e+9").unwrap(),
            DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000)
        );
        assert_eq!(
            parse("-1.5").unwrap(),
            DateTime::from_secs_and_nanos(-2, 500_000_000)
        );
        assert_eq!(
            parse("-0.5").unwrap(),
            DateTime::from_secs_and_nanos(-1, 500_000_000)
        );
        assert_eq!(parse("+7").unwrap(), DateTime::from_secs(7));
        assert_eq!(
            parse("1.0000000019").unwrap(),
            DateTime::from_secs_and_nanos(1, 1)
        );
        assert_eq!(
            parse("15e-1").unwrap(),
            DateTime::from_secs_and_nanos(1, 500_000_000)
        );
        assert_eq!(parse("0e999999999999999").unwrap(), DateTime::from_secs(0));
        assert_eq!(parse("1e-999999999999999").unwrap(), DateTime::from_secs(0));
        assert_eq!(
            parse("9223372036854775807").unwrap(),
            DateTime::from_secs(i64::MAX)
        );
        assert_eq!(
            parse("-9223372036854775808").unwrap(),
            DateTime::from_secs(i64::MIN)
        );
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "123.+456",
            "123.-456",
            "123.456.789",
            "123 . 456",
            "123.456  ",
            "  123.456",
            "a.456",
            "123.a",
            "123..",
            "1e",
            "1e+",
            "NaN",
            "Infinity",
            "0x10",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        for overflow in [
            "9223372036854775808",
            "-9223372036854775809",
            "1e19",
            "1e999999999999",
        ] {
            let error = parse(overflow).unwrap_err();
            assert!(error.to_string().contains("out of range"), "{overflow}");
        }
        // Round trip of awkward values.
        for (secs, nanos) in [
            (0, 1),
            (-1, 1),
            (-1, 999_999_999),
            (i64::MIN, 1),
            (i64::MAX, 999_999_999),
        ] {
            let dt = DateTime::from_secs_and_nanos(secs, nanos);
            assert_eq!(
                parse(&dt.fmt(DateTimeFormat::EpochSeconds).unwrap()).unwrap(),
                dt
            );
        }
    }

    #[test]
    fn scaled_decimal_exact_integers() {
        const EXACT: bool = true;
        assert_eq!(scaled_decimal("5.0", 0, EXACT), Ok(5));
        assert_eq!(scaled_decimal("5.5", 0, EXACT), Err(DecimalError::Inexact));
        assert_eq!(scaled_decimal("-0.5e1", 0, EXACT), Ok(-5));
        assert_eq!(scaled_decimal("1e2", 0, EXACT), Ok(100));
        assert_eq!(scaled_decimal("12300e-2", 0, EXACT), Ok(123));
        assert_eq!(scaled_decimal("0.000", 0, EXACT), Ok(0));
        assert_eq!(scaled_decimal("-0", 0, EXACT), Ok(0));
        assert_eq!(scaled_decimal("1e38", 0, EXACT), Ok(10i128.pow(38)));
        assert_eq!(
            scaled_decimal("1e39", 0, EXACT),
            Err(DecimalError::Overflow)
        );
        assert_eq!(
            scaled_decimal("-170141183460469231731687303715884105728", 0, EXACT),
            Ok(i128::MIN)
        );
        assert_eq!(
            scaled_decimal("170141183460469231731687303715884105728", 0, EXACT),
            Err(DecimalError::Overflow)
        );
        assert_eq!(scaled_decimal("1x", 0, EXACT), Err(DecimalError::Syntax));
        assert_eq!(scaled_decimal("5.5", 0, false), Ok(5));
        assert_eq!(scaled_decimal("-5.5", 0, false), Ok(-5));
    }

    #[test]
    fn parsers_never_panic() {
        let alphabet = "0123456789-+:.TtZz eE,GMTMonDecSun\u{e9}\u{1F600}";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let formats = [
            DateTimeFormat::DateTime,
            DateTimeFormat::HttpDate,
            DateTimeFormat::EpochSeconds,
        ];
        let samples = [
            "2019-12-16T23:48:18.52Z",
            "Mon, 16 Dec 2019 23:48:18 GMT",
            "-1.5e+3",
        ];
        for round in 0..30_000 {
            // Mutate a valid sample, or build random text.
            let mut text: Vec<char> = if round % 2 == 0 {
                samples[round % 3].chars().collect()
            } else {
                (0..next() % 34)
                    .map(|_| chars[(next() % chars.len() as u64) as usize])
                    .collect()
            };
            if !text.is_empty() {
                let at = (next() % text.len() as u64) as usize;
                text[at] = chars[(next() % chars.len() as u64) as usize];
                text.truncate((next() % (text.len() as u64 + 1)) as usize + at / 2);
            }
            let text: String = text.into_iter().collect();
            for format in formats {
                if let Ok(parsed) = DateTime::from_str(&text, format) {
                    // Whatever parses formats again (when in range) without panicking.
                    let _ = parsed.fmt(format);
                }
                let _ = DateTime::read(&text, format, ',');
            }
            let _ = text.parse::<BigDecimal>();
            let _ = scaled_decimal(&text, 9, false);
            let _ = base64::decode(&text);
        }
    }

    #[test]
    fn display_and_debug() {
        let dt = DateTime::from_fractional_secs(1_576_540_098, 0.52);
        assert_eq!(dt.to_string(), "2019-12-16T23:48:18.52Z");
        assert_eq!(format!("{dt:?}"), "2019-12-16T23:48:18.52Z");
        assert_eq!(
            DateTime::from_secs(i64::MAX).to_string(),
            "9223372036854775807"
        );
    }

    #[test]
    fn read_lists() {
        let (first, rest) = DateTime::read(
            "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT",
            DateTimeFormat::HttpDate,
            ',',
        )
        .unwrap();
        assert_eq!(first.secs(), 1_576_540_098);
        let (second, rest) = DateTime::read(rest, DateTimeFormat::HttpDate, ',').unwrap();
        assert_eq!(second.secs(), 1_576_540_098 + 86_400);
        assert_eq!(rest, "");
        let (a, rest) = DateTime::read(
            "1985-04-12T23:20:50Z, 1985-04-12T23:20:51Z",
            DateTimeFormat::DateTime,
            ',',
        )
        .unwrap();
        let (b, rest) = DateTime::read(rest, DateTimeFormat::DateTime, ',').unwrap();
        assert_eq!((a.secs(), b.secs(), rest), (482_196_050, 482_196_051, ""));
        let (c, rest) = DateTime::read("1.5,2", DateTimeFormat::EpochSeconds, ',').unwrap();
        assert_eq!((c, rest), (DateTime::from_millis(1_500), "2"));
        assert!(DateTime::read(
            "Mon, 16 Dec 2019 23:48:18 GMT x",
            DateTimeFormat::HttpDate,
            ','
        )
        .is_err());
        assert!(
            DateTime::read("Mon, 16 Dec 2019 23:48:18", DateTimeFormat::HttpDate, ',').is_err()
        );
    }

    #[test]
    fn documents_and_numbers() {
        let mut object = HashMap::new();
        object.insert(
            "a".to_owned(),
            Document::from(vec![Document::from(1u64), Document::Null]),
        );
        let mut doc = Document::from(object);
        assert_eq!(doc.as_object().unwrap()["a"].as_array().unwrap().len(), 2);
        doc.as_object_mut().unwrap().insert("b".into(), "x".into());
        assert_eq!(doc.as_object().unwrap()["b"].as_string(), Some("x"));
        assert_eq!(Document::from(true).as_bool(), Some(true));
        assert!(Document::Null.is_null());
        assert_eq!(Document::from(-3i32).as_number(), Some(Number::NegInt(-3)));
        assert_eq!(Document::from(3i64), Document::Number(Number::PosInt(3)));
        assert_eq!(Document::from(1.5).as_number().unwrap().to_f64_lossy(), 1.5);
        let mut array = Document::from(Vec::new());
        array
            .as_array_mut()
            .unwrap()
            .push(Document::from(String::from("s")));
        assert_eq!(array, Document::Array(vec![Document::String("s".into())]));

        assert_eq!(i32::try_from(Number::Float(5.0)).unwrap(), 5);
        assert!(i32::try_from(Number::Float(5.5)).is_err());
        assert!(i32::try_from(Number::Float(f64::NAN)).is_err());
        assert!(i64::try_from(Number::Float(9.3e18)).is_err());
        assert_eq!(
            i64::try_from(Number::Float(i64::MIN as f64)).unwrap(),
            i64::MIN
        );
        assert!(u8::try_from(Number::PosInt(256)).is_err());
        assert!(u64::try_from(Number::NegInt(-1)).is_err());
        assert_eq!(i8::try_from(Number::NegInt(-128)).unwrap(), -128);
        assert!(i8::try_from(Number::NegInt(-129)).is_err());
        assert_eq!(u64::try_from(Number::PosInt(u64::MAX)).unwrap(), u64::MAX);
        assert_eq!(
            f64::try_from(Number::PosInt(1 << 53)).unwrap(),
            9_007_199_254_740_992.0
        );
        assert!(f64::try_from(Number::PosInt((1 << 53) + 1)).is_err());
        assert!(f64::try_from(Number::Float(f64::NAN)).unwrap().is_nan());
        assert_eq!(f32::try_from(Number::Float(0.5)).unwrap(), 0.5);
        assert!(f32::try_from(Number::Float(0.1)).is_err());
        assert!(f32::try_from(Number::NegInt(-(1 << 24) - 1)).is_err());
        assert_eq!(Number::PosInt((1 << 24) + 1).to_f32_lossy(), 16_777_216.0);
        assert_eq!(Number::NegInt(-2).to_f32_lossy(), -2.0);
    }

    #[test]
    fn big_numbers() {
        for ok in ["0", "-12345678901234567890123", "+7", "007"] {
            assert_eq!(ok.parse::<BigInteger>().unwrap().as_str(), ok);
        }
        for bad in ["", "-", "1.0", "1e3", "12 3", "123}", "0x1", "１"] {
            assert_eq!(
                bad.parse::<BigInteger>(),
                Err(BigNumberError::InvalidFormat(bad.to_owned()))
            );
        }
        for ok in [
            "0",
            "1.5",
            "-1.5E-10",
            "+.5",
            "1.",
            "1e+3",
            "123456789.987654321",
        ] {
            let parsed: BigDecimal = ok.parse().unwrap();
            assert_eq!((parsed.as_ref(), parsed.to_string()), (ok, ok.to_owned()));
        }
        for bad in [
            "", ".", "-.", "1e", "1.5.5", "e5", "1e5.5", "NaN", "1,5", "1.5}",
        ] {
            assert!(bad.parse::<BigDecimal>().is_err(), "{bad}");
        }
        assert_eq!(BigInteger::default().to_string(), "0");
        assert_eq!(BigDecimal::default().as_str(), "0.0");
        assert_eq!(
            "x".parse::<BigInteger>().unwrap_err().to_string(),
            "invalid number format: x"
        );
    }

    #[test]
    fn errors_display() {
        let parse = DateTime::from_str("nope", DateTimeFormat::DateTime).unwrap_err();
        assert!(parse.to_string().starts_with("invalid date-time: "));
        let conversion = DateTime::from_secs(i64::MAX).to_millis().unwrap_err();
        assert_eq!(
            conversion.to_string(),
            "DateTime value too large to fit into i64 epoch millis"
        );
    }
}
