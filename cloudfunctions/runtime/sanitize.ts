// Notice rich text is sanitised when it is saved (Taro's H5 RichText writes raw HTML): a small
// allowlist of tags, no attributes but these, images only from cloud storage, links only https.
import { FilterXSS, escapeAttrValue } from 'xss';

const filter = new FilterXSS({
  whiteList: {
    p: [],
    br: [],
    strong: [],
    b: [],
    em: [],
    i: [],
    u: [],
    h3: [],
    h4: [],
    ul: [],
    ol: [],
    li: [],
    blockquote: [],
    table: [],
    thead: [],
    tbody: [],
    tr: [],
    th: [],
    td: [],
    img: ['src', 'alt'],
    a: ['href'],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed'],
  safeAttrValue(tag, name, value) {
    const v = value.trim();
    if (tag === 'img' && name === 'src') return /^cloud:\/\/[^\s"'<>]+$/.test(v) ? escapeAttrValue(v) : '';
    if (tag === 'a' && name === 'href') return /^https:\/\/[^\s"'<>]+$/i.test(v) ? escapeAttrValue(v) : '';
    return escapeAttrValue(v);
  },
});

export function sanitizeRichText(html: string): string {
  // attributes emptied by the rules above are dropped rather than left as `src`
  return filter.process(html).replace(/\s(src|href)(="")?(?=[\s>/])/g, '');
}

/** The text of a notice without tags, for the content check and excerpts. */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}
