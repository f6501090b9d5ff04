import { describe, expect, it } from 'vitest';
import { escapeXml, tagUri, writeAtomFeed } from './atom';
import { campaignTiming, excerptOf, orderPublicNews, paragraphsOf } from './news';

const at = new Date('2026-06-05T02:00:00Z');
const feed = (title: string, summary: string) =>
  writeAtomFeed({
    id: tagUri('example.org', new Date('2026-01-01T00:00:00Z'), 'news'),
    title: '新闻 & 活动',
    selfLink: 'https://example.org/api/public/news/feed.atom',
    alternateLink: 'https://example.org/open/news',
    author: '赣州市节能减排工作领导小组办公室',
    updated: at,
    entries: [{ id: tagUri('example.org', at, 'news/1'), title, link: 'https://example.org/open/news?id=1&x=<y>', updated: at, published: at, summary, category: 'environment-day' }],
  });

/** A strict-enough check of well-formedness: every tag closes in order, no bare `&` or `<` in text. */
function assertWellFormed(xml: string) {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tags = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tags.exec(body); m; m = tags.exec(body)) {
    const text = body.slice(last, m.index);
    expect(text).not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
    last = m.index + m[0].length;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('writeAtomFeed', () => {
  it('writes a well-formed Atom 1.0 feed with tag URIs and RFC 3339 dates', () => {
    const xml = feed('世界环境日', '第一段');
    assertWellFormed(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('<id>tag:example.org,2026:news/1</id>');
    expect(xml).toContain('<updated>2026-06-05T02:00:00.000Z</updated>');
    expect(xml).toContain('<category term="environment-day"/>');
  });
  it('escapes markup in titles, summaries and links, so text never becomes markup', () => {
    const xml = feed('<script>alert("x")</script> & \'co\'', 'a < b && c > d\u0007');
    assertWellFormed(xml);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;');
    expect(xml).toContain('a &lt; b &amp;&amp; c &gt; d</summary>');
    expect(xml).toContain('href="https://example.org/open/news?id=1&amp;x=&lt;y&gt;"');
  });
  it('drops characters XML forbids', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\te')).toBe('abcd\te');
  });
});

describe('news bodies and order', () => {
  it('splits paragraphs at blank lines and excerpts by characters', () => {
    expect(paragraphsOf('第一段\n续行\r\n\r\n  \n第二段\n \n')).toEqual(['第一段\n续行', '第二段']);
    expect(excerptOf('一二三四五', 3)).toBe('一二三…');
    expect(excerptOf('甲\n\n乙')).toBe('甲 乙');
  });
  it('puts ongoing campaigns first, then upcoming (soonest first), then the rest newest first', () => {
    const item = (id: number, kind: string, startDate: string | null, endDate: string | null, published: string) => ({ id, kind, startDate, endDate, publishedAt: new Date(published) });
    const items = [
      item(1, 'news', null, null, '2026-06-04'),
      item(2, 'campaign', '2026-06-10', '2026-06-16', '2026-05-01'),
      item(3, 'campaign', '2026-06-01', '2026-06-07', '2026-05-02'),
      item(4, 'campaign', '2026-05-01', '2026-05-02', '2026-06-05'),
      item(5, 'campaign', '2026-06-08', null, '2026-05-03'),
    ];
    expect(orderPublicNews(items, '2026-06-05').map((i) => i.id)).toEqual([3, 5, 2, 4, 1]);
    expect(campaignTiming('2026-06-05', null, '2026-06-05')).toBe('ongoing');
    expect(campaignTiming(null, null, '2026-06-05')).toBeNull();
  });
});
