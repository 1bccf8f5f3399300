//! Exact decimal arithmetic on number text, shared by the JSON reader and the crate's own
//! timestamps (whichever primitive types the crate uses).

/// Why [`scaled_decimal`] failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecimalError {
    /// Not a decimal number.
    Syntax,
    /// Non-zero digits below the scale, when exactness was asked for.
    Inexact,
    /// The scaled value does not fit in an `i128`.
    Overflow,
}

/// Computes `text × 10^scale` exactly as an integer, without going through floating point.
///
/// Digits below the scale are dropped (rounding towards zero), or, if `exact`, must be zero.
///
/// Accepts `[+-]digits[.digits][(e|E)[+-]digits]` (JSON numbers plus a leading `+` and
/// leading zeros). Used for epoch-seconds timestamps (`scale = 9`) and for JSON integers
/// (`scale = 0`), so `1.515531081123E9` and `5.0` are read without loss.
pub(crate) fn scaled_decimal(text: &str, scale: u32, exact: bool) -> Result<i128, DecimalError> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let int_digits = &b[int_start..i];
    if int_digits.is_empty() {
        return Err(DecimalError::Syntax);
    }
    let mut frac_digits: &[u8] = &[];
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        frac_digits = &b[frac_start..i];
        if frac_digits.is_empty() {
            return Err(DecimalError::Syntax);
        }
    }
    let mut exponent: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let exponent_negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let exponent_start = i;
        while let Some(digit) = b.get(i).filter(|d| d.is_ascii_digit()) {
            // Saturate: any exponent this large over- or underflows anyway.
            exponent = (exponent * 10 + i64::from(digit - b'0')).min(1 << 40);
            i += 1;
        }
        if i == exponent_start {
            return Err(DecimalError::Syntax);
        }
        if exponent_negative {
            exponent = -exponent;
        }
    }
    if i != b.len() {
        return Err(DecimalError::Syntax);
    }
    // How many of the digits (integer digits then fraction digits) lie before the point.
    let point = int_digits.len() as i64 + exponent + i64::from(scale);
    let total = int_digits.len() + frac_digits.len();
    let integer_count = point.clamp(0, total as i64) as usize;
    let mut digits = int_digits.iter().chain(frac_digits).map(|d| d - b'0');
    // The first 18 digits cannot overflow a u64; the rest go through checked u128.
    let fast_count = integer_count.min(18);
    let mut small: u64 = 0;
    for digit in digits.by_ref().take(fast_count) {
        small = small * 10 + u64::from(digit);
    }
    let mut magnitude = u128::from(small);
    for digit in digits.by_ref().take(integer_count - fast_count) {
        magnitude = magnitude
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(digit)))
            .ok_or(DecimalError::Overflow)?;
    }
    // The remaining digits lie below the scale.
    if exact && digits.any(|digit| digit != 0) {
        return Err(DecimalError::Inexact);
    }
    if magnitude != 0 {
        // Trailing zeros implied by the exponent; overflows after at most 39 steps.
        for _ in integer_count as i64..point {
            magnitude = magnitude.checked_mul(10).ok_or(DecimalError::Overflow)?;
        }
    }
    if negative {
        if magnitude > 1u128 << 127 {
            return Err(DecimalError::Overflow);
        }
        // 2^127 wraps to i128::MIN, which is the right answer.
        Ok((magnitude as i128).wrapping_neg())
    } else {
        i128::try_from(magnitude).map_err(|_| DecimalError::Overflow)
    }
}
