/**
 * Text into HTML safely: everything from the data is escaped (a command line with `<script>` shows as text), and
 * the small Markdown subset steps write (bold, inline code, bullet lines, line breaks) becomes tags afterwards.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * A step's Markdown as HTML: escaped first, then `**bold**`, `` `code` ``, `- ` bullet lines and line breaks.
 * @example markdownToHtml('**3** alerts on `<WEB01>`') // '<strong>3</strong> alerts on <code>&lt;WEB01&gt;</code>'
 */
export function markdownToHtml(markdown: string): string {
  const lines = escapeHtml(markdown)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .split('\n');
  const html: string[] = [];
  let inList = false;
  for (const line of lines) {
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (item && !inList) html.push('<ul>');
    if (!item && inList) html.push('</ul>');
    inList = Boolean(item);
    html.push(item ? `<li>${item[1]}</li>` : `${line}<br>`);
  }
  if (inList) html.push('</ul>');
  return html.join('\n').replace(/<br>$/, '');
}
