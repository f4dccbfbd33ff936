//! Spreading items over several agents evenly, least-loaded first.

use std::collections::HashMap;

/// For each item (its current owner, if known), the index of the target it goes to: always the
/// target with the smallest load so far (ties to the one named first), never the current owner
/// when another target exists.
pub fn spread(
    owners: &[Option<String>],
    targets: &[String],
    load: &HashMap<String, i64>,
) -> Vec<usize> {
    let mut loads: Vec<i64> = targets
        .iter()
        .map(|t| load.get(t).copied().unwrap_or(0))
        .collect();
    owners
        .iter()
        .map(|owner| {
            let pick = (0..targets.len())
                .filter(|&i| owner.as_deref() != Some(targets[i].as_str()) || targets.len() == 1)
                .min_by_key(|&i| (loads[i], i))
                .unwrap_or(0);
            loads[pick] += 1;
            pick
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_loaded_fill_first_then_it_alternates() {
        let load = HashMap::from([("ana".to_owned(), 3), ("bo".to_owned(), 0)]);
        let targets = ["ana".to_owned(), "bo".to_owned()];
        let picks = spread(&vec![None; 7], &targets, &load);
        assert_eq!(picks, [1, 1, 1, 0, 1, 0, 1]);
    }

    #[test]
    fn an_item_never_goes_to_its_owner() {
        let targets = ["ana".to_owned(), "bo".to_owned()];
        let picks = spread(
            &[Some("bo".to_owned()), Some("bo".to_owned())],
            &targets,
            &HashMap::new(),
        );
        assert_eq!(picks, [0, 0]);
    }
}
