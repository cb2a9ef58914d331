import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';

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
    expect(html).not.toMatch(/<script|<img|<iframe|href="(javascript|data):|onerror=/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders nothing for empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});
