import type { ReactNode } from 'react';

/**
 * The small rich-text format of free texts such as an organisation's internal rules: a blank
 * line starts a paragraph, lines starting with "- " form a bulleted list, and **text** is bold.
 * It is rendered as React elements, never as HTML, so markup in the text stays plain text.
 */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) => (part.startsWith('**') && part.endsWith('**') && part.length > 4 ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

export function RichText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((line) => line.trimStart().startsWith('- '))) {
          return (
            <ul key={i} className="mb-3 list-disc pl-6">
              {lines.map((line, j) => (
                <li key={j}>{inline(line.trimStart().slice(2))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i} className="mb-3 whitespace-pre-line">
            {inline(block)}
          </p>
        );
      })}
    </>
  );
}
