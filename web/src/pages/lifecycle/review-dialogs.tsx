import { Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { ApprovalRequest } from '../../../../src/contract/workflow.ts';
import { REVIEW_GRADES, type ReviewGrade } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { Labelled } from '../../components/labelled.tsx';

/** 目标审核 (88号, lifecycle.md §3): a grade 优/良/中/差 and the opinion that goes with it. */
export function ReviewDialog(props: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (grade: ReviewGrade, opinion: string) => void;
}) {
  const t = useT();
  const l = t.lifecycle;
  const [grade, setGrade] = useState<ReviewGrade | null>(null);
  const [opinion, setOpinion] = useState('');
  return (
    <Modal
      open={props.open}
      title={l.review}
      okText={l.submit}
      cancelText={t.common.cancel}
      okButtonProps={{
        disabled: grade === null || !opinion.trim(),
        loading: props.busy,
        className: 'review-ok',
      }}
      onCancel={props.onClose}
      onOk={() => grade && props.onSubmit(grade, opinion.trim())}
      destroyOnHidden
    >
      <p className="muted">{l.gradeHelp}</p>
      <div className="field-label">{l.grade}</div>
      <Radio.Group
        aria-label={l.grade}
        value={grade}
        onChange={(e) => setGrade(e.target.value as ReviewGrade)}
        options={REVIEW_GRADES.map((g) => ({ value: g, label: g }))}
        optionType="button"
      />
      <Labelled id="review-opinion" label={l.opinion}>
        <Input.TextArea
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
        />
      </Labelled>
    </Modal>
  );
}

/** 批复: targets go down with the budget (谁批复预算，谁批复目标), under a 批复文号. */
export function ApproveDialog(props: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (approval: ApprovalRequest) => void;
}) {
  const t = useT();
  const l = t.lifecycle;
  const [documentNo, setDocumentNo] = useState('');
  const [date, setDate] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const dateOk = date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <Modal
      open={props.open}
      title={l.approve}
      okText={l.approve}
      cancelText={t.common.cancel}
      okButtonProps={{
        disabled: !documentNo.trim() || !dateOk,
        loading: props.busy,
        className: 'approve-ok',
      }}
      onCancel={props.onClose}
      onOk={() =>
        props.onSubmit({
          documentNo: documentNo.trim(),
          ...(date ? { date } : {}),
          ...(approvedBy.trim() ? { approvedBy: approvedBy.trim() } : {}),
        })
      }
      destroyOnHidden
    >
      <Labelled id="approval-no" label={l.documentNo}>
        <Input
          value={documentNo}
          onChange={(e) => setDocumentNo(e.target.value)}
          placeholder="如 X财预〔2025〕12号"
          maxLength={200}
        />
      </Labelled>
      <Labelled id="approval-date" label={l.approvalDate}>
        <Input
          value={date}
          status={dateOk ? undefined : 'error'}
          onChange={(e) => setDate(e.target.value)}
          placeholder="YYYY-MM-DD"
          maxLength={10}
        />
      </Labelled>
      <Labelled id="approval-by" label={l.approvedBy}>
        <Input value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)} maxLength={200} />
      </Labelled>
    </Modal>
  );
}
