//! Browser downloads of text (CSV, SVG) and of an SVG rendered to PNG. Shorter in
//! JavaScript than through web-sys.

use wasm_bindgen::prelude::wasm_bindgen;

/// Starts a browser download of `text` under `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    js::download_text(text, mime, filename);
}

/// Renders an SVG document to a PNG (2× for sharpness) and downloads it.
pub fn download_png(filename: &str, svg: &str, width: u32, height: u32) {
    js::png_from_svg(svg, width, height, filename);
}

mod js {
    use super::wasm_bindgen;

    #[wasm_bindgen(inline_js = r#"
export function download_text(text, mime, filename) {
  download_blob(new Blob([text], { type: mime }), filename);
}
export function png_from_svg(svg, width, height, filename) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => download_blob(blob, filename), 'image/png');
  };
  img.src = url;
}
function download_blob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
"#)]
    extern "C" {
        pub fn download_text(text: &str, mime: &str, filename: &str);
        pub fn png_from_svg(svg: &str, width: u32, height: u32, filename: &str);
    }
}
