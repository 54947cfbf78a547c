import { CommentOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Empty, Input, Timeline } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { Comment } from '../../../../src/contract/workflow.ts';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldLabel } from '../../components/field-label.ts';
import { fmtTime } from '../../components/format.ts';

const COMMENTABLE = /^(indicators\[\d+\]\.\w+|funds\.\w+\.\w+|goals\.\w+|[A-Za-z]+)$/;

/** Review comments (on the form or on one cell) and the status timeline. */
export function ReviewPanel(props: {
  detail: FormDetail;
  form: Form;
  comments: readonly Comment[];
  activeField: string | null;
  onJump: (field: string) => void;
  /** cross-stage findings (X01–X16) the reviewer checks before acting (lifecycle.md §4.3). */
  stageFindings?: readonly Finding[];
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [wholeForm, setWholeForm] = useState(false);
  const field =
    !wholeForm && props.activeField && COMMENTABLE.test(props.activeField) ? props.activeField : null;
  const add = useMutation({
    mutationFn: () =>
      call(endpoints.createComment, { params: { id: props.detail.id }, body: { body: body.trim(), field } }),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: keys.comments(props.detail.id) });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const sorted = [...props.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cellComments = sorted.filter((c) => c.action === null).reverse();
  const events = [
    {
      key: 'created',
      color: 'gray',
      content: (
        <div>
          <strong>{t.review.created}</strong> · {props.detail.createdBy.displayName}
          <div className="muted">{fmtTime(props.detail.createdAt)}</div>
        </div>
      ),
    },
    ...sorted
      .filter((c) => c.action !== null)
      .map((c) => ({
        key: c.id,
        color: c.action === 'return' ? 'orange' : c.action === 'approve' ? 'green' : 'blue',
        content: (
          <div>
            <strong>{t.labels.workflowAction[c.action!]}</strong> · {c.author.displayName}
            {c.toStatus && <span className="muted"> → {t.labels.formStatus[c.toStatus]}</span>}
            <div className="muted">{fmtTime(c.createdAt)}</div>
            {c.body && <div className="timeline-body">{c.body}</div>}
          </div>
        ),
      })),
  ];
  return (
    <div className="review-panel">
      {props.stageFindings && props.stageFindings.length > 0 && (
        <section className="review-stage-findings" aria-label={t.lifecycle.stages}>
          <div className="composer-target">{t.lifecycle.stages}</div>
          <ul className="tip-list">
            {props.stageFindings.map((f) => (
              <li key={`${f.code}-${f.field}-${f.message}`}>
                <button
                  type="button"
                  className="link-button"
                  data-code={f.code}
                  onClick={() => props.onJump(f.field)}
                >
                  {f.code} {f.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t.review.title}>
        <div className="composer">
          <div className="composer-target">
            <CommentOutlined />{' '}
            {field ? t.review.commentOnCell(fieldLabel(field, t, props.form)) : t.review.commentOnForm}
          </div>
          {!field && !wholeForm && <div className="muted small">{t.review.pickCell}</div>}
          <Input.TextArea
            aria-label={t.review.commentPlaceholder}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t.review.commentPlaceholder}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
          />
          <div className="composer-actions">
            <Checkbox checked={wholeForm} onChange={(e) => setWholeForm(e.target.checked)}>
              {t.review.commentOnForm}
            </Checkbox>
            <Button
              type="primary"
              size="small"
              disabled={!body.trim()}
              loading={add.isPending}
              onClick={() => add.mutate()}
            >
              {t.review.addComment}
            </Button>
          </div>
        </div>
        {cellComments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.review.noComments} />
        ) : (
          <ol className="comment-list">
            {cellComments.map((c) => (
              <li key={c.id} className="comment">
                <div className="comment-head">
                  <strong>{c.author.displayName}</strong>
                  <span className="muted"> · {fmtTime(c.createdAt)}</span>
                </div>
                {c.field ? (
                  <button
                    type="button"
                    className="link-button comment-cell"
                    onClick={() => props.onJump(c.field!)}
                  >
                    {fieldLabel(c.field, t, props.form)}
                  </button>
                ) : (
                  <span className="comment-cell muted">{t.review.wholeForm}</span>
                )}
                <p className="comment-body">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="timeline-section" aria-label={t.review.timeline}>
        <h3 className="panel-subtitle">{t.review.timeline}</h3>
        <Timeline items={events} />
      </section>
    </div>
  );
}
