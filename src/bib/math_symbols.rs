//! The TeX math commands glose reads, with texmath's Unicode character and spacing class.

/// How texmath spaces a symbol: relations and binary operators between spaces, punctuation
/// and operator names followed by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Ord,
    Bin,
    Rel,
    Pun,
    Op,
    Open,
    Close,
}

/// Operator names set upright and followed by a thin space (`\log n`).
const OPERATORS: &[&str] = &[
    "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "det", "dim",
    "exp", "gcd", "hom", "inf", "ker", "lg", "lim", "liminf", "limsup", "ln", "log", "max", "min",
    "Pr", "sec", "sin", "sinh", "sup", "tan", "tanh",
];

const SYMBOLS: &[(&str, &str, Class)] = &[
    ("alpha", "α", Class::Ord),
    ("beta", "β", Class::Ord),
    ("gamma", "γ", Class::Ord),
    ("delta", "δ", Class::Ord),
    ("epsilon", "ϵ", Class::Ord),
    ("varepsilon", "ε", Class::Ord),
    ("zeta", "ζ", Class::Ord),
    ("eta", "η", Class::Ord),
    ("theta", "θ", Class::Ord),
    ("vartheta", "ϑ", Class::Ord),
    ("iota", "ι", Class::Ord),
    ("kappa", "κ", Class::Ord),
    ("lambda", "λ", Class::Ord),
    ("mu", "μ", Class::Ord),
    ("nu", "ν", Class::Ord),
    ("xi", "ξ", Class::Ord),
    ("pi", "π", Class::Ord),
    ("varpi", "ϖ", Class::Ord),
    ("rho", "ρ", Class::Ord),
    ("varrho", "ϱ", Class::Ord),
    ("sigma", "σ", Class::Ord),
    ("varsigma", "ς", Class::Ord),
    ("tau", "τ", Class::Ord),
    ("upsilon", "υ", Class::Ord),
    ("phi", "ϕ", Class::Ord),
    ("varphi", "φ", Class::Ord),
    ("chi", "χ", Class::Ord),
    ("psi", "ψ", Class::Ord),
    ("omega", "ω", Class::Ord),
    ("Gamma", "Γ", Class::Ord),
    ("Delta", "Δ", Class::Ord),
    ("Theta", "Θ", Class::Ord),
    ("Lambda", "Λ", Class::Ord),
    ("Xi", "Ξ", Class::Ord),
    ("Pi", "Π", Class::Ord),
    ("Sigma", "Σ", Class::Ord),
    ("Upsilon", "Υ", Class::Ord),
    ("Phi", "Φ", Class::Ord),
    ("Psi", "Ψ", Class::Ord),
    ("Omega", "Ω", Class::Ord),
    ("aleph", "ℵ", Class::Ord),
    ("hbar", "ℏ", Class::Ord),
    ("ell", "ℓ", Class::Ord),
    ("infty", "∞", Class::Ord),
    ("partial", "∂", Class::Ord),
    ("nabla", "∇", Class::Ord),
    ("emptyset", "∅", Class::Ord),
    ("forall", "∀", Class::Ord),
    ("exists", "∃", Class::Ord),
    ("neg", "¬", Class::Ord),
    ("Box", "□", Class::Ord),
    ("Diamond", "◇", Class::Ord),
    ("prime", "′", Class::Ord),
    ("ldots", "…", Class::Ord),
    ("dots", "…", Class::Ord),
    ("cdots", "⋯", Class::Ord),
    ("slash", "/", Class::Ord),
    ("pm", "±", Class::Bin),
    ("mp", "∓", Class::Bin),
    ("times", "×", Class::Bin),
    ("cdot", "⋅", Class::Bin),
    ("div", "÷", Class::Bin),
    ("circ", "∘", Class::Bin),
    ("ast", "*", Class::Bin),
    ("cap", "∩", Class::Bin),
    ("cup", "∪", Class::Bin),
    ("wedge", "∧", Class::Bin),
    ("vee", "∨", Class::Bin),
    ("mid", "∣", Class::Bin),
    ("to", "→", Class::Rel),
    ("rightarrow", "→", Class::Rel),
    ("leftarrow", "←", Class::Rel),
    ("leftrightarrow", "↔", Class::Rel),
    ("Rightarrow", "⇒", Class::Rel),
    ("Leftarrow", "⇐", Class::Rel),
    ("Leftrightarrow", "⇔", Class::Rel),
    ("hookrightarrow", "↪", Class::Rel),
    ("mapsto", "↦", Class::Rel),
    ("leq", "≤", Class::Rel),
    ("le", "≤", Class::Rel),
    ("geq", "≥", Class::Rel),
    ("ge", "≥", Class::Rel),
    ("neq", "≠", Class::Rel),
    ("ne", "≠", Class::Rel),
    ("approx", "≈", Class::Rel),
    ("sim", "∼", Class::Rel),
    ("simeq", "≃", Class::Rel),
    ("equiv", "≡", Class::Rel),
    ("propto", "∝", Class::Rel),
    ("ll", "≪", Class::Rel),
    ("gg", "≫", Class::Rel),
    ("in", "∈", Class::Rel),
    ("notin", "∉", Class::Rel),
    ("subset", "⊂", Class::Rel),
    ("subseteq", "⊆", Class::Rel),
    ("supset", "⊃", Class::Rel),
    ("supseteq", "⊇", Class::Rel),
    ("perp", "⟂", Class::Rel),
    ("parallel", "∥", Class::Rel),
    ("langle", "⟨", Class::Open),
    ("rangle", "⟩", Class::Close),
];

/// The character and class of the command `\name`, if glose knows it.
pub(crate) fn symbol(name: &str) -> Option<(&'static str, Class)> {
    SYMBOLS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, text, class)| (*text, *class))
}

/// Whether `\name` is an operator name such as `\log`.
pub(crate) fn named_operator(name: &str) -> bool {
    OPERATORS.contains(&name)
}
