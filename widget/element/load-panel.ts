/** Loads the panel (Preact, the chat core, Markdown) on demand; bundlers split it into its own chunk. */
export const loadPanel = () => import('../view/mount-panel.js');
