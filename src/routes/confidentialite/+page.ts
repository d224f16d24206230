/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;
