// The dark theme (`theme="dark"`, and `theme="auto"` when the visitor prefers dark) sets the same custom
// properties on the host, so a page's own values win in both themes. Contrast is AA in both.
const darkPalette =
  'color-scheme:dark;--agento-bg:#18181b;--agento-fg:#f4f4f5;--agento-muted:#a1a1aa;--agento-border:#3f3f46;--agento-hover:rgb(255 255 255/.08);' +
  '--agento-focus:#818cf8;--agento-assistant-bg:#27272a;--agento-error-bg:#450a0a;--agento-error-fg:#fecaca;--agento-code-bg:rgb(255 255 255/.1);' +
  '--agento-link:#a5b4fc;--agento-quote-border:rgb(255 255 255/.25);--agento-rule:#52525b;--agento-table-head-bg:rgb(255 255 255/.06)';

/**
 * Styles of the open chat, over the shell's (shell-styles.ts, which also sizes and strokes every icon's `svg`).
 * Theme through `--agento-*` custom properties and `::part()`.
 */
export const panelCss = `
:host([theme=dark]){${darkPalette}}
@media (prefers-color-scheme:dark){:host([theme=auto]){${darkPalette}}}
.panel{display:flex;flex-direction:column;overflow:hidden;background:var(--agento-bg,#fff);color:var(--agento-fg,#18181b);border:1px solid var(--agento-border,#e4e4e7);border-radius:var(--agento-radius,16px);font-family:var(--agento-font,inherit);font-size:var(--agento-font-size,15px);line-height:1.45;text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;text-shadow:none;text-indent:0;white-space:normal;cursor:auto}
.panel,.panel *,.panel ::before,.panel ::after{box-sizing:border-box}
.panel.floating{position:fixed;z-index:var(--agento-z-index,2147483000);right:var(--agento-offset-x,20px);bottom:calc(var(--agento-offset-y,20px) + var(--agento-launcher-size,56px) + 12px);width:min(var(--agento-panel-width,380px),100vw - 2*var(--agento-offset-x,20px));height:min(var(--agento-panel-height,600px),100dvh - var(--agento-launcher-size,56px) - 2*var(--agento-offset-y,20px) - 12px);box-shadow:0 12px 40px rgb(0 0 0/.18)}
.panel.inline{width:100%;height:var(--agento-inline-height,520px)}
.header{display:flex;align-items:center;gap:4px;padding-block:10px;padding-inline:var(--agento-spacing,16px) 10px;border-bottom:1px solid var(--agento-border,#e4e4e7)}
.title{flex:1;margin:0;font-size:1.05em;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
button{padding:0;border:0;background:none;font:inherit;color:inherit;cursor:pointer}
button:disabled{cursor:default;opacity:.45}
:focus-visible{outline:2px solid var(--agento-focus,var(--agento-accent,#4f46e5));outline-offset:2px}
.icon,.action{display:grid;place-items:center}
.icon{width:36px;height:36px;border-radius:10px}
.icon:hover{background:var(--agento-hover,rgb(0 0 0/.06))}
.messages{flex:1;overflow-y:auto;overscroll-behavior:contain;overflow-anchor:none;display:flex;flex-direction:column;gap:calc(var(--agento-spacing,16px) * .625);padding:var(--agento-spacing,16px)}
.messages:focus-visible{outline-offset:-2px}
.placeholder{margin:auto;max-width:32ch;text-align:center;color:var(--agento-muted,#52525b)}
.message{max-width:85%;padding:9px 13px;border-radius:var(--agento-bubble-radius,14px);overflow-wrap:anywhere}
.icon.jump{position:sticky;bottom:0;flex:none;align-self:center;border:1px solid var(--agento-border,#e4e4e7);border-radius:50%;background:var(--agento-bg,#fff);box-shadow:0 2px 8px rgb(0 0 0/.15)}
.message.user{align-self:flex-end;background:var(--agento-user-bg,var(--agento-accent,#4f46e5));color:var(--agento-user-fg,var(--agento-accent-fg,#fff))}
.message.assistant{align-self:flex-start;background:var(--agento-assistant-bg,#f4f4f5);color:var(--agento-assistant-fg,inherit)}
.content{white-space:pre-wrap}
.note{margin:4px 0 0;font-size:.85em;opacity:.85}
.link{margin-inline-start:6px;text-decoration:underline}
.typing{display:inline-flex;gap:4px;padding:4px 0}
.typing i{width:6px;height:6px;border-radius:50%;background:currentColor;opacity:.4;animation:agento-blink 1s infinite}
.typing i+i{animation-delay:.2s}.typing i+i+i{animation-delay:.4s}
@keyframes agento-blink{50%{opacity:1}}
@media (prefers-reduced-motion:reduce){.typing i{animation:none}}
.error{margin:0;padding:8px var(--agento-spacing,16px);background:var(--agento-error-bg,#fef2f2);color:var(--agento-error-fg,#b91c1c);font-size:.9em}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px;border-top:1px solid var(--agento-border,#e4e4e7)}
textarea{flex:1;min-height:40px;max-height:160px;field-sizing:content;resize:none;margin:0;padding:9px 12px;border:1px solid var(--agento-input-border,#8a8a93);border-radius:12px;background:var(--agento-input-bg,transparent);color:inherit;font:inherit;font-size:max(16px,1em)}
textarea::placeholder{color:var(--agento-muted,#52525b);opacity:1}
.action{width:40px;height:40px;border-radius:12px;background:var(--agento-accent,#4f46e5);color:var(--agento-accent-fg,#fff)}
.action svg{fill:currentColor;stroke:none}
@media (min-width:481px){.left+.host>.floating{right:auto;left:var(--agento-offset-x,20px)}}
@media (max-width:480px){.panel.floating{inset:0;width:auto;height:100vh;height:100dvh;border:0;border-radius:0;box-shadow:none;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
