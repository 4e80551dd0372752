//! Pure exporters: workspace to BibTeX, Markdown, CSL-JSON and W3C annotations.
