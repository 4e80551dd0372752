mod common;

use common::Env;

#[test]
fn demo_writes_the_example_with_a_history_by_two_authors() {
    let env = Env::new();
    let dir = env.dir.path().join("demo");
    env.glose_in(env.dir.path())
        .args(["demo", dir.to_str().expect("path")])
        .assert()
        .success();
    let authors = env.git(&["log", "--format=%an"], &dir);
    assert!(
        authors.contains("Camille Martin") && authors.contains("Hélène Dubois"),
        "{authors}"
    );
    let notes = std::fs::read_to_string(dir.join("notes/berdeil-2023.toml")).expect("notes");
    let shipped = include_str!("../notes/berdeil-2023.toml");
    assert_eq!(
        notes, shipped,
        "the demo's notes differ from the shipped ones"
    );
    assert!(env.git(&["status", "--porcelain"], &dir).trim().is_empty());

    let claims: serde_json::Value = serde_json::from_str(
        &String::from_utf8(
            env.glose_in(&dir)
                .args(["claims", "--json"])
                .output()
                .expect("runs")
                .stdout,
        )
        .expect("utf-8"),
    )
    .expect("json");
    let claims = claims.as_array().expect("array");
    assert!(claims.len() >= 10, "{} claims", claims.len());
    assert!(claims.iter().any(|c| c["unsupported"] == true));
    assert!(
        claims
            .iter()
            .any(|c| c["citations"][0]["locator"]["kind"] == "article")
    );
    let check = env.glose_in(&dir).args(["check"]).output().expect("runs");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn demo_refuses_a_folder_that_is_not_empty() {
    let env = Env::new();
    env.write("full/file.txt", "x");
    let out = env
        .glose_in(env.dir.path())
        .args(["demo", "full"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
}
