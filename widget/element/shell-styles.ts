/**
 * Styles of the host and the launcher: all the page pays for before the chat is opened. The `svg` rule
 * serves the panel's icons too: both sheets style the same shadow root.
 */
export const shellCss = `
:host{display:contents}
:host([mode=inline]){display:block}
[hidden]{display:none!important}
.launcher{position:fixed;z-index:var(--agento-z-index,2147483000);right:var(--agento-offset-x,20px);bottom:var(--agento-offset-y,20px);display:grid;place-items:center;width:var(--agento-launcher-size,56px);height:var(--agento-launcher-size,56px);margin:0;padding:0;border:0;border-radius:50%;background:var(--agento-accent,#4f46e5);color:var(--agento-accent-fg,#fff);box-shadow:0 6px 20px rgb(0 0 0/.2);cursor:pointer}
.launcher:focus-visible{outline:3px solid var(--agento-accent,#4f46e5);outline-offset:3px}
svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.launcher svg{width:26px;height:26px;stroke-linejoin:round}
.notice{margin:0;padding:12px 16px;border-radius:12px;background:var(--agento-error-bg,#fef2f2);color:var(--agento-error-fg,#b91c1c);font-size:14px;line-height:1.4}
.host:not(.inline) .notice{position:fixed;z-index:var(--agento-z-index,2147483000);right:var(--agento-offset-x,20px);bottom:calc(var(--agento-offset-y,20px) + var(--agento-launcher-size,56px) + 12px);max-width:320px}
.launcher.left,.left+.host .notice{right:auto;left:var(--agento-offset-x,20px)}
`;
