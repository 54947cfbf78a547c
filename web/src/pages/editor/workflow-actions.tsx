import {
  AuditOutlined,
  CheckOutlined,
  GlobalOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { ApprovalRequest, WorkflowAction } from '../../../../src/contract/workflow.ts';
import type { ReviewGrade } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useT } from '../../app/i18n.tsx';
import { Labelled } from '../../components/labelled.tsx';
import { ApproveDialog, ReviewDialog } from '../lifecycle/review-dialogs.tsx';

const ICONS: Record<WorkflowAction, React.ReactNode> = {
  submit: <SendOutlined />,
  return: <RollbackOutlined />,
  approve: <CheckOutlined />,
  publish: <GlobalOutlined />,
  review: <AuditOutlined />,
};

type Extra = { grade?: ReviewGrade; approval?: ApprovalRequest };

/** Submit / return / approve / publish, as the server allows them for this user and status. */
export function WorkflowActions(props: {
  detail: FormDetail;
  /** saves pending edits first; resolves to the revision to act on, or null when saving failed. */
  ensureSaved: () => Promise<number | null>;
  pendingCellComments: number;
  onDone: (detail: FormDetail) => void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [dialog, setDialog] = useState<'review' | 'approve' | null>(null);
  const declaration = props.detail.kind === 'project-target-declaration';

  const run = async (action: WorkflowAction, text?: string, extra: Extra = {}) => {
    setBusy(action);
    try {
      const revision = await props.ensureSaved();
      if (revision === null) return;
      const detail = await call(endpoints.transitionForm, {
        params: { id: props.detail.id },
        body: { action, ...(text ? { comment: text } : {}), ...extra },
        ifMatch: revision,
      });
      void message.success(t.review.actionDone(t.labels.workflowAction[action]));
      props.onDone(detail);
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const confirmText: Partial<Record<WorkflowAction, string>> = {
    submit: t.review.submitConfirm,
    approve: t.review.approveConfirm,
    publish: t.review.publishConfirm,
  };

  return (
    <>
      {props.detail.allowedActions.map((action) => (
        <Button
          key={action}
          type={action === 'return' ? 'default' : 'primary'}
          danger={action === 'return'}
          className={`wf-${action}`}
          icon={ICONS[action]}
          loading={busy === action}
          onClick={() => {
            if (action === 'return') {
              setReturning(true);
              return;
            }
            // 88号 (lifecycle.md §3): a review carries a grade; a declaration goes down with its 批复
            if (action === 'review' || (action === 'approve' && declaration)) {
              setDialog(action);
              return;
            }
            modal.confirm({
              title: t.labels.workflowAction[action],
              content: confirmText[action],
              okText: t.common.confirm,
              cancelText: t.common.cancel,
              onOk: () => run(action),
            });
          }}
        >
          {t.labels.workflowAction[action]}
        </Button>
      ))}
      <ReviewDialog
        open={dialog === 'review'}
        busy={busy === 'review'}
        onClose={() => setDialog(null)}
        onSubmit={async (grade, opinion) => {
          if (await run('review', opinion, { grade })) setDialog(null);
        }}
      />
      <ApproveDialog
        open={dialog === 'approve'}
        busy={busy === 'approve'}
        onClose={() => setDialog(null)}
        onSubmit={async (approval) => {
          if (await run('approve', undefined, { approval })) setDialog(null);
        }}
      />
      <Modal
        open={returning}
        title={t.review.returnTitle}
        okText={t.labels.workflowAction.return}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy === 'return' }}
        cancelText={t.common.cancel}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (await run('return', comment.trim())) {
            setReturning(false);
            setComment('');
          }
        }}
      >
        {props.pendingCellComments > 0 && (
          <p className="muted">{t.review.pendingCellComments(props.pendingCellComments)}</p>
        )}
        <Labelled id="return-comment" label={t.review.returnComment}>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            placeholder={t.review.returnRequired}
          />
        </Labelled>
      </Modal>
    </>
  );
}
