//! Email addresses: a plain-sense check, strict enough that an address can never smuggle a
//! second recipient or a header into a mailto link.

/// True for `local@domain.tld` with no spaces, controls, commas, semicolons, angle brackets,
/// quotes, `?`, `&` or `%`, and exactly one `@`.
pub fn looks_like_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let forbidden =
        |c: char| c.is_whitespace() || c.is_control() || ",;<>\"()[]\\?&%#@:/".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && address.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !local.chars().any(forbidden)
        && !domain.chars().any(forbidden)
}
