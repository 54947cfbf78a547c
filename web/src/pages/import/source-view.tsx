import { Alert, Tabs } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { ImportPreviewItem } from '../../../../src/contract/imports.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldLabel } from '../../components/field-label.ts';
import { focusField } from '../editor/keyboard.ts';
import type { SourceKind } from './import-marks.ts';

export type SourceFile = { name: string; kind: SourceKind; text: string | null; url: string | null };

function TextSource({
  text,
  lines,
  focus,
}: {
  text: string;
  lines: ReadonlySet<number>;
  focus: number | null;
}) {
  const ref = useRef<HTMLOListElement>(null);
  const rows = useMemo(() => text.split(/\r?\n/), [text]);
  useEffect(() => {
    if (focus === null) return;
    ref.current?.querySelector(`[data-line="${focus}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <ol className="source-text" ref={ref}>
      {rows.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
        <li key={i} data-line={i + 1} className={lines.has(i + 1) ? 'warned' : ''}>
          {line || '\u00a0'}
        </li>
      ))}
    </ol>
  );
}

/** The uploaded file beside the parsed form: its text (lines with warnings marked) or the PDF. */
export function SourceView({ file, item, form }: { file: SourceFile; item: ImportPreviewItem; form: Form }) {
  const t = useT();
  const warnedLines = useMemo(
    () => new Set(item.warnings.map((w) => w.source?.line).filter((l): l is number => l !== undefined)),
    [item.warnings],
  );
  const firstLine = warnedLines.size > 0 ? Math.min(...warnedLines) : null;
  const where = (w: ImportPreviewItem['warnings'][number]) => {
    const s = w.source;
    if (!s) return '';
    const parts = [
      s.page !== undefined ? t.importer.page(s.page) : '',
      s.sheet ?? '',
      s.cell ?? '',
      s.line !== undefined ? t.importer.line(s.line) : '',
    ];
    return parts.filter(Boolean).join(' ');
  };
  return (
    <Tabs
      size="small"
      className="source-tabs"
      items={[
        {
          key: 'source',
          label: `${t.importer.source}：${file.name}`,
          children:
            file.kind === 'text' && file.text !== null ? (
              <TextSource text={file.text} lines={warnedLines} focus={firstLine} />
            ) : file.kind === 'pdf' && file.url ? (
              <iframe className="source-pdf" src={file.url} title={file.name} />
            ) : (
              <Alert type="info" showIcon title={t.importer.previewUnavailable} />
            ),
        },
        {
          key: 'warnings',
          label: item.warnings.length > 0 ? t.importer.warnings(item.warnings.length) : t.importer.noWarnings,
          children: (
            <ul className="warning-list">
              {item.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id
                <li key={i}>
                  <button type="button" className="link-button" onClick={() => w.path && focusField(w.path)}>
                    {w.path ? fieldLabel(w.path, t, form) : t.review.wholeForm}
                  </button>
                  <span className="muted small">
                    {' '}
                    {where(w)} · {Math.round(w.confidence * 100)}%
                  </span>
                  <div>{w.message}</div>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
