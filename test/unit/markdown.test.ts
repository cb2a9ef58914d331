import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/platform/markdown';

describe('renderMarkdown', () => {
  it('renders Markdown and keeps http(s) links', () => {
    const html = renderMarkdown('# Päevakava\n\n**Tere** [kava](https://rouge.ee/kava)');
    expect(html).toContain('<h3>Päevakava</h3>');
    expect(html).toContain('<strong>Tere</strong>');
    expect(html).toContain('href="https://rouge.ee/kava"');
  });

  it('drops raw HTML, scripts and non-http links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [d](data:text/html,hi) <iframe src="https://evil.example"></iframe>',
    );
    // Raw HTML is shown as text: no tag of it, and no handler inside any tag.
    expect(html).not.toMatch(/<script|<img|<iframe|href="(javascript|data):|<[^>]*\sonerror=/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('shows raw HTML links as text and keeps no mailto: link', () => {
    const html = renderMarkdown(
      'Vaata <a href="https://a.example" onclick="alert(1)">siit</a> või [kirjuta](mailto:vald@example.ee)',
    );
    expect(html).not.toMatch(/<a href="https:\/\/a\.example"/);
    expect(html).toContain('&lt;a href=');
    expect(html).not.toContain('href="mailto:');
    expect(html).toContain('kirjuta');
  });

  it('renders nothing for empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});
