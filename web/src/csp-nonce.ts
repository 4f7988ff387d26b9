/**
 * The style nonce the server put in the shell (`<meta name="csp-nonce">`). Ant Design's runtime styles get it
 * through ConfigProvider's `csp`; a few styles are written below it without that option — @rc-component/util's
 * scrollbar-size probe (`getScrollBarSize` → `updateCSS` with no nonce) measures the table's scrollbar that way —
 * and the policy blocks them. Every `<style>` the app's own (nonce-trusted) scripts create therefore carries the
 * nonce from the moment it is created; styles from anywhere else stay blocked. A `style` attribute written as text
 * cannot carry a nonce: Ant Design's TextArea `autoSize` measures with one, so text areas use fixed `rows`.
 */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

if (cspNonce) {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = cspNonce;
    return element;
  } as typeof createElement;
}
