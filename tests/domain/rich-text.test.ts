import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichText } from '../../app/components/RichText';

const html = (text: string) => renderToStaticMarkup(createElement(RichText, { text }));

describe('rich text of internal rules', () => {
  it('makes paragraphs, bulleted lists and bold text', () => {
    expect(html('Piirit kouluttavat.\n\n- **Yhdistykset** hakevat\n- piirin kautta')).toBe(
      '<p class="mb-3 whitespace-pre-line">Piirit kouluttavat.</p><ul class="mb-3 list-disc pl-6"><li><strong>Yhdistykset</strong> hakevat</li><li>piirin kautta</li></ul>',
    );
  });

  it('shows markup in the text as text, never as HTML', () => {
    expect(html('<script>alert(1)</script> **<b>x</b>**')).toBe(
      '<p class="mb-3 whitespace-pre-line">&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b&gt;x&lt;/b&gt;</strong></p>',
    );
  });
});
