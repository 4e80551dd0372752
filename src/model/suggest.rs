/// Up to three candidates close to `wanted`, best first: the "did you mean" of every message.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_best_first_and_nothing_far() {
        let known = ["berdeil-2023", "berdeil-2022", "loi2016-444"];
        assert_eq!(
            closest("berdeil-2032", known.into_iter())[0],
            "berdeil-2023"
        );
        assert!(closest("zzzz", known.into_iter()).is_empty());
    }
}
