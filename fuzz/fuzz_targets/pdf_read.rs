//! Any bytes as a PDF: reading never panics or hangs; pages start on char boundaries, in order, one label each.
#![no_main]

use glose::import::pdf::read_pdf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pdf) = read_pdf(data) {
        assert_eq!(pdf.starts.len(), pdf.labels.len());
        assert!(pdf.starts.windows(2).all(|w| w[0] <= w[1]));
        for &start in &pdf.starts {
            assert!(pdf.text.is_char_boundary(start));
        }
    }
});
