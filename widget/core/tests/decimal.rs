//! The core's decimal parser gives what `str::parse::<f64>` gives, to the last bit: on the
//! numbers campaigns and answers hold, on hard cases (halfway points, subnormals, the edges
//! of the range, long digit strings) and on 300,000 generated numbers.

use widget_core::decimal::parse_f64;

fn same(text: &str) {
    let expected: f64 = text.parse().unwrap();
    let expected = expected.is_finite().then_some(expected);
    let got = parse_f64(text);
    assert_eq!(
        got.map(f64::to_bits),
        expected.map(f64::to_bits),
        "{text}: {got:?}, std {expected:?}"
    );
}

#[test]
fn everyday_numbers() {
    for text in [
        "0",
        "-0",
        "1",
        "0.72",
        "0.4",
        "0.7",
        "8000",
        "8e3",
        "8000.0",
        "80000e-1",
        "4514",
        "2024",
        "47",
        "0.1",
        "0.2",
        "0.30000000000000004",
        "1e-7",
        "1.0000001",
        "-1",
        "1.5",
        "9e15",
        "4294967296",
        "12345678901234567890",
        "0.000001",
        "123.456e-2",
    ] {
        same(text);
    }
}

#[test]
fn hard_cases() {
    for text in [
        // Halfway between two doubles, and just either side.
        "9007199254740993",
        "9007199254740992.5",
        "9007199254740993.0000000000000000000000001",
        "9007199254740992.9999999999999999999",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-324",
        "5e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e308",
        "1e309",
        "-1e400",
        "1e-400",
        "0.720000000000000000000000000001",
        "7.2e-1",
        "72e-2",
        "1e23",
        "8.988465674311580536566680e307",
        "0.1000000000000000055511151231257827021181583404541015625",
        "0.1000000000000000055511151231257827021181583404541015626",
        "0.1000000000000000055511151231257827021181583404541015624",
        "123456789012345678901234567890e-10",
        "0.000000000000000000000000000000000000000000001234",
    ] {
        same(text);
    }
    // Long digit strings, beyond the digits kept.
    same(&format!("0.{}1", "0".repeat(900)));
    same(&format!("1{}", "0".repeat(300)));
    same(&format!("{}e-600", "1".repeat(1000)));
    same(&format!("9007199254740992.{}1", "0".repeat(1000)));
    same(&format!("9007199254740993{}", "0".repeat(1000)).replacen("0", ".", 1));
}

#[test]
fn generated_numbers() {
    let mut state = 0x5eed_dec1_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..300_000 {
        let r = next();
        let text = match i % 4 {
            // Any double, printed shortest and with all 17 digits.
            0 => format!("{}", f64::from_bits(r >> 1)),
            1 => format!("{:.16e}", f64::from_bits(r >> 1)),
            // Random digits with random exponents.
            2 => {
                let digits = 1 + (r % 25) as usize;
                let mut text: String = (0..digits)
                    .map(|_| char::from(b'0' + (next() % 10) as u8))
                    .collect();
                if r & 1 == 1 && text.len() > 1 {
                    text.insert(1 + (next() as usize % (text.len() - 1)), '.');
                }
                let exponent = (next() % 700) as i64 - 350;
                format!("{text}e{exponent}")
            }
            // Shares as a campaign writes them.
            _ => format!("{}", (r >> 11) as f64 / (1u64 << 53) as f64),
        };
        let text = text.trim_start_matches('+');
        if text.contains("inf") || text.contains("NaN") {
            continue;
        }
        same(text);
    }
}
