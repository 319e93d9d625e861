/**
 * Styles of rendered Markdown (`.ac-md`), for the widget's shared constructable stylesheet.
 * Class-based only (no inline styles: strict CSP). Themeable through `--agento-*` custom properties:
 * `--agento-link`, `--agento-code-bg` (inline code), `--agento-code-block-bg` / `-fg`, `--agento-mono`,
 * `--agento-quote-border`, `--agento-rule` (table borders, rules), `--agento-table-head-bg`.
 */
export const markdownCss = `
.ac-md{white-space:normal;overflow-wrap:anywhere;min-width:0}
.ac-md>*,.ac-md li>*,.ac-md blockquote>*{margin:0 0 .6em}
.ac-md>:last-child,.ac-md li>:last-child,.ac-md blockquote>:last-child{margin-bottom:0}
.ac-md ul,.ac-md ol{padding-inline-start:1.4em}.ac-md li+li{margin-top:.25em}
.ac-md h3,.ac-md h4,.ac-md h5,.ac-md h6{margin-top:.9em;font-size:1em;font-weight:600;line-height:1.3}
.ac-md>:first-child{margin-top:0}.ac-md .ac-h1{font-size:1.25em}.ac-md .ac-h2{font-size:1.12em}
.ac-md a{color:var(--agento-link,#4f46e5);text-decoration:underline}
.ac-md code{font-family:var(--agento-mono,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:.9em;padding:.1em .3em;border-radius:4px;background:var(--agento-code-bg,rgb(0 0 0/.07))}
.ac-md blockquote{padding-inline-start:.8em;border-inline-start:3px solid var(--agento-quote-border,rgb(0 0 0/.18))}
.ac-md hr{border:0;border-top:1px solid var(--agento-rule,#d4d4d8)}
.ac-md img{max-width:100%;height:auto}
.ac-code{border-radius:8px;overflow:hidden;background:var(--agento-code-block-bg,#18181b);color:var(--agento-code-block-fg,#f4f4f5)}
.ac-code-bar{display:flex;align-items:center;justify-content:space-between;padding:2px 4px 2px 12px;font-size:.8em;opacity:.85}
.ac-copy{padding:2px 8px;border:0;border-radius:6px;background:none;color:inherit;font:inherit;cursor:pointer}
.ac-copy:hover{background:rgb(255 255 255/.15)}
.ac-md pre{margin:0;padding:4px 12px 12px;overflow-x:auto;white-space:pre;overflow-wrap:normal;tab-size:4}
.ac-md pre code{padding:0;background:none;font-size:.85em}
.ac-table{overflow-x:auto}
.ac-md table{border-collapse:collapse;font-size:.92em}
.ac-md th,.ac-md td{padding:4px 8px;border:1px solid var(--agento-rule,#d4d4d8);text-align:start;vertical-align:top;overflow-wrap:normal}
.ac-md th{font-weight:600;background:var(--agento-table-head-bg,rgb(0 0 0/.04))}
.ac-md .ac-al-left{text-align:left}.ac-md .ac-al-center{text-align:center}.ac-md .ac-al-right{text-align:right}
`;
