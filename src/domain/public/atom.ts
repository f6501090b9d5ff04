/**
 * An Atom 1.0 feed (RFC 4287) as a string: the news and campaigns of the steering office (issue #10 item 4). Text
 * only (`type="text"`), every value XML-escaped, ids are tag URIs (RFC 4151), times RFC 3339.
 */
export type AtomEntry = {
  /** A tag URI, e.g. tag:ecer.ganzhou.gov.cn,2026:news/7 */
  id: string;
  title: string;
  /** Absolute link to the entry's page. */
  link: string;
  updated: Date;
  published: Date;
  /** Plain text; a category term (e.g. the campaign type) is optional. */
  summary: string;
  category?: string;
};

export type AtomFeed = { id: string; title: string; selfLink: string; alternateLink: string; author: string; updated: Date; entries: AtomEntry[] };

/** Characters XML 1.0 does not allow at all (control characters but tab, LF, CR; lone surrogates; U+FFFE/F). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and attribute values (both quotes too), dropping characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `tag:<authority>,<year>:<specific>` (RFC 4151): stable, needs no resolvable URL. */
export function tagUri(authority: string, since: Date, specific: string): string {
  return `tag:${authority},${since.getUTCFullYear()}:${specific}`;
}

const el = (name: string, text: string, indent = '  ') => `${indent}<${name}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, indent = '  ', type?: string) =>
  `${indent}<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${type}"` : ''}/>`;

export function writeAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    el('id', feed.id),
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    el('updated', feed.updated.toISOString()),
    link('self', feed.selfLink, '  ', 'application/atom+xml'),
    link('alternate', feed.alternateLink, '  ', 'text/html'),
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      el('id', e.id, '    '),
      `    <title type="text">${escapeXml(e.title)}</title>`,
      link('alternate', e.link, '    ', 'text/html'),
      el('published', e.published.toISOString(), '    '),
      el('updated', e.updated.toISOString(), '    '),
      ...(e.category ? [`    <category term="${escapeXml(e.category)}"/>`] : []),
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
