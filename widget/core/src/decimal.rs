//! Decimal text to `f64`, correctly rounded, without the standard library's float parser.
//!
//! `str::parse::<f64>` brings about 15 KB of gzipped wasm (its tables of powers of five) to
//! every visitor, for the few numbers a campaign or an API answer holds. Nearly all of them
//! (`0.72`, `8000`, `4514`) take the exact fast path here: at most 19 significant digits
//! forming a whole number below 2^53, times or divided by a power of ten up to 10^22, is one
//! IEEE operation on exact values, so it is correctly rounded. Any other number is worked out
//! exactly with a small big-number long division: slower, but the same result as
//! `str::parse::<f64>` to the last bit (tests/decimal.rs compares them on millions of numbers).

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept: enough that the ones dropped cannot change the rounding (they only
/// say whether anything non-zero follows).
const MAX_DIGITS: usize = 800;

/// The value of a JSON number (`-?digits(.digits)?([eE][+-]?digits)?`, already checked), or
/// `None` when it is beyond the range of `f64`. Tiny numbers become (signed) zero.
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut digits: Vec<u8> = Vec::new();
    // Whether a non-zero digit was dropped beyond MAX_DIGITS.
    let mut dropped = false;
    // The value is 0.d1d2d3… × 10^point (before the exponent).
    let mut point: i64 = 0;
    let mut seen_point = false;
    let mut at = usize::from(negative);
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                if digits.is_empty() && b == b'0' {
                    // A leading zero: after the point it moves the point.
                    if seen_point {
                        point -= 1;
                    }
                } else {
                    if digits.len() < MAX_DIGITS {
                        digits.push(b - b'0');
                    } else if b != b'0' {
                        dropped = true;
                    }
                    if !seen_point {
                        point += 1;
                    }
                }
            }
            b'.' => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        let exponent = &text[at + 1..];
        let (sign, magnitude) = match exponent.as_bytes().first() {
            Some(b'-') => (-1, &exponent[1..]),
            Some(b'+') => (1, &exponent[1..]),
            _ => (1, exponent),
        };
        // Saturates: 1e99999999999 is simply too large.
        let mut e: i64 = 0;
        for b in magnitude.bytes() {
            e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
        }
        point += sign * e;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let sign = if negative { -1.0 } else { 1.0 };
    if digits.is_empty() {
        return Some(sign * 0.0);
    }
    // |value| < 10^point and ≥ 10^(point - 1).
    if point > 310 {
        return None;
    }
    if point < -330 {
        return Some(sign * 0.0);
    }
    // The value is m × 10^e with m the digits as a whole number.
    let e = point - digits.len() as i64;
    if digits.len() <= 19 && !dropped {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
        if m < 1 << 53 && (-22..=22).contains(&e) {
            let power = EXACT_POWERS[e.unsigned_abs() as usize];
            let value = if e < 0 {
                m as f64 / power
            } else {
                m as f64 * power
            };
            return Some(sign * value);
        }
    }
    let value = exact(&digits, dropped, e)?;
    Some(sign * value)
}

/// A whole number as 32-bit limbs, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(vec![0]);
        for &d in digits {
            big.mul_add(10, u32::from(d));
        }
        big
    }

    fn mul_add(&mut self, by: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(by) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn pow10(&mut self, times: u32) {
        for _ in 0..times / 9 {
            self.mul_add(1_000_000_000, 0);
        }
        for _ in 0..times % 9 {
            self.mul_add(10, 0);
        }
    }

    fn bits(&self) -> u32 {
        let top = self.0.iter().rposition(|&l| l != 0);
        top.map_or(0, |i| 32 * i as u32 + (32 - self.0[i].leading_zeros()))
    }

    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let bits = bits % 32;
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// Whether self ≥ other.
    fn at_least(&self, other: &Big) -> bool {
        let n = self.0.len().max(other.0.len());
        for i in (0..n).rev() {
            let (a, b) = (self.limb(i), other.limb(i));
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// self -= other (self ≥ other).
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.limb(i)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }
}

/// m × 10^e correctly rounded (m the digits; `dropped`: non-zero digits followed them), by
/// long division of m·10^max(e,0)·2^s by 10^max(−e,0)·2^max(−s,0) into a 54-bit quotient.
fn exact(digits: &[u8], dropped: bool, e: i64) -> Option<f64> {
    let mut num = Big::from_digits(digits);
    let mut den = Big(vec![1]);
    if e >= 0 {
        num.pow10(e as u32);
    } else {
        den.pow10(e.unsigned_abs() as u32);
    }
    // The value num/den lies between 2^(k-1) and 2^(k+1).
    let k = i64::from(num.bits()) - i64::from(den.bits());
    // Scaled by 2^s, its quotient has 54 or 55 bits: 53 to keep, a rounding bit (and one more).
    // Below the smallest normal number the last kept bit is 2^-1074, so the rounding bit is
    // 2^-1075 at most.
    let s = (54 - k).min(1075);
    if s >= 0 {
        num.shl(s as u32);
    } else {
        den.shl(s.unsigned_abs() as u32);
    }
    let mut quotient = 0u64;
    for bit in (0..55).rev() {
        let mut shifted = den.clone();
        shifted.shl(bit);
        if num.at_least(&shifted) {
            num.sub(&shifted);
            quotient |= 1 << bit;
        }
    }
    let mut sticky = !num.is_zero() || dropped;
    // value = quotient × 2^exponent.
    let mut exponent = -s;
    while quotient >= 1 << 54 {
        sticky |= quotient & 1 == 1;
        quotient >>= 1;
        exponent += 1;
    }
    round(quotient, exponent, sticky)
}

/// quotient × 2^exponent, where quotient has at most 54 bits and its last bit is the rounding
/// bit; `sticky`: something non-zero lies below it. Rounds half to even.
fn round(quotient: u64, exponent: i64, sticky: bool) -> Option<f64> {
    let round_bit = quotient & 1;
    let mut mantissa = quotient >> 1;
    let mut exponent = exponent + 1;
    if round_bit == 1 && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            exponent += 1;
        }
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    // value = mantissa × 2^exponent, mantissa < 2^53.
    let top = 63 - i64::from(mantissa.leading_zeros()); // its highest bit
    let biased = exponent + top + 1023;
    if biased >= 2047 {
        return None;
    }
    if biased <= 0 {
        // Subnormal: the mantissa was made with its last bit at 2^-1074.
        return Some(f64::from_bits(mantissa));
    }
    let normalised = mantissa << (52 - top);
    Some(f64::from_bits(
        ((biased as u64) << 52) | (normalised & ((1 << 52) - 1)),
    ))
}
