/**
 * The respondent pages' only stylesheet, inlined in each page (one round trip on a phone) and
 * allowed by its hash in the Content-Security-Policy. Colours meet WCAG AA contrast: body text
 * #18212f and muted text #4f5a6d on white, white on the accent #1f4fd1 (6.8:1).
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;background:#eef1f6;color:#18212f;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;display:flex;flex-direction:column;align-items:center;padding:12px 10px 24px}
main{width:100%;max-width:560px;background:#fff;border-radius:16px;box-shadow:0 1px 2px rgba(24,33,47,.06),0 8px 24px rgba(24,33,47,.08);padding:22px 16px 20px}
@media (min-width:480px){body{padding-top:48px}main{padding:32px 32px 28px}}
.survey-title{margin:0 0 4px;color:#4f5a6d;font-size:.8125rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase}
.step{margin:0 0 16px;color:#4f5a6d;font-size:.875rem}
h1{margin:0;font-size:1.3125rem;line-height:1.35;font-weight:700;color:#18212f}
fieldset{margin:0;padding:0;border:0;min-width:0}
legend{padding:0;margin:0 0 16px;width:100%}
.factor legend{font-size:1.0625rem;font-weight:600;margin-bottom:10px}
.factor{margin-top:20px}
.lead{margin:0 0 8px}
.note{margin:0 0 16px;padding:10px 12px;border-radius:10px;background:#eef3ff;color:#1b3a8c;font-size:.9375rem}
.options{display:grid;gap:8px;grid-template-columns:repeat(5,minmax(0,1fr))}
.options.n11{grid-template-columns:repeat(6,minmax(0,1fr));gap:6px}
.options.n7{grid-template-columns:repeat(7,minmax(0,1fr));gap:6px}
@media (min-width:560px){.options.n11{grid-template-columns:repeat(11,minmax(0,1fr));gap:6px}}
.option{position:relative}
.option input{position:absolute;opacity:0;width:100%;height:100%;margin:0;inset:0;cursor:pointer;-webkit-tap-highlight-color:transparent}
.option label{display:flex;align-items:center;justify-content:center;min-height:48px;border:2px solid #c5ccda;border-radius:12px;background:#fff;font-size:1.125rem;font-weight:650;color:#18212f;cursor:pointer;user-select:none}
.option input:hover+label{border-color:#1f4fd1;background:#f3f6ff}
.option input:checked+label{background:#1f4fd1;border-color:#1f4fd1;color:#fff}
.option input:focus-visible+label{outline:3px solid #0b2a80;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:8px;color:#4f5a6d;font-size:.8125rem;line-height:1.3}
.ends span:last-child{text-align:right}
.hint{margin:6px 0 0;color:#4f5a6d;font-size:.875rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.error{margin:0 0 16px;padding:12px 14px;border-left:4px solid #b42318;border-radius:8px;background:#fef3f2;color:#8a1c12}
.error strong{display:block;margin-bottom:2px}
.actions{display:flex;gap:10px;margin-top:24px}
button{font:inherit;font-weight:650;min-height:48px;padding:0 18px;border-radius:12px;cursor:pointer;border:2px solid transparent;-webkit-tap-highlight-color:transparent}
button.primary{flex:1 1 0;background:#1f4fd1;color:#fff}
button.primary:hover{background:#1a43b3}
button:disabled{opacity:.6;cursor:not-allowed}
button.secondary{flex:0 0 auto;background:#fff;color:#1f4fd1;border-color:#c5ccda}
button.secondary:hover{border-color:#1f4fd1}
button:focus-visible,a:focus-visible,textarea:focus-visible{outline:3px solid #0b2a80;outline-offset:2px}
textarea{display:block;width:100%;min-height:140px;margin-top:12px;padding:12px;border:2px solid #c5ccda;border-radius:12px;font:inherit;color:#18212f;resize:vertical}
textarea:focus{border-color:#1f4fd1}
.recap{display:flex;align-items:center;justify-content:space-between;gap:12px;margin:0 0 18px;padding:10px 14px;border-radius:10px;background:#ecfdf3;color:#0d5a2c;font-size:.9375rem}
.recap a{color:#0d5a2c;font-weight:600}
.status{text-align:center;padding:12px 0 4px}
.status svg{width:56px;height:56px;margin-bottom:12px}
.status.ok svg{color:#15803d}
.status.warn svg{color:#b45309}
.status p{margin:10px 0 0;color:#374151}
.status .back{display:inline-block;margin-top:18px}
a{color:#1f4fd1}
footer{width:100%;max-width:560px;margin-top:16px;padding:0 6px;color:#4f5a6d;font-size:.8125rem;display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px 16px}
footer p{margin:0}
footer a{color:#1b3a8c;font-weight:600;display:inline-block;padding:4px 0}
`.trim();

let cssHash: Promise<string> | undefined;

/** `'sha256-…'` of PAGE_CSS for the Content-Security-Policy (computed once per isolate). */
export function pageCssHash(): Promise<string> {
  cssHash ??= crypto.subtle.digest("SHA-256", new TextEncoder().encode(PAGE_CSS)).then((digest) => {
    let binary = "";
    for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  });
  return cssHash;
}
