/** Reads the CSRF token out of a rendered form. */
export function csrfTokenOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in the page');
  return m[1];
}

export function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden field ${name} in the page`);
  return m[1];
}

/** Where the page's first multipart form posts to (its action carries the CSRF token), HTML entities undone. */
export function multipartActionOf(html: string): string {
  const m = /<form[^>]*action="([^"]+)"[^>]*enctype="multipart\/form-data"/.exec(html);
  if (!m) throw new Error('no multipart form in the page');
  return m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
}
