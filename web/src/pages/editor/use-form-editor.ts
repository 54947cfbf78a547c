import { useCallback, useReducer } from 'react';
import type { Form } from '../../../../src/core/form/schema.ts';
import { applyEdit, type Edit } from './form-edits.ts';

// The editor's state: the revision the user started from (base) and the form as edited. Saving
// sends `If-Match: base revision`; a 409 compares base, mine and theirs (merge.ts).

export type EditorState = {
  base: Form;
  baseRevision: number;
  baseProfileId: string;
  form: Form;
  profileId: string;
};

type Action =
  | { type: 'load'; form: Form; revision: number; profileId: string }
  | { type: 'edit'; edit: Edit }
  | { type: 'replace'; form: Form }
  /** a save answered: the server's form becomes the base; edits typed meanwhile are kept. */
  | { type: 'saved'; sent: Form; form: Form; revision: number; profileId: string }
  | { type: 'profile'; profileId: string };

function reducer(state: EditorState, action: Action): EditorState {
  switch (action.type) {
    case 'load':
      return {
        base: action.form,
        baseRevision: action.revision,
        baseProfileId: action.profileId,
        form: action.form,
        profileId: action.profileId,
      };
    case 'edit': {
      const form = applyEdit(state.form, action.edit);
      return form === state.form ? state : { ...state, form };
    }
    case 'replace':
      return { ...state, form: action.form };
    case 'saved':
      return {
        base: action.form,
        baseRevision: action.revision,
        baseProfileId: action.profileId,
        form: state.form === action.sent ? action.form : state.form,
        profileId: state.profileId,
      };
    case 'profile':
      return { ...state, profileId: action.profileId };
  }
}

export function useFormEditor(initial: { form: Form; revision: number; profileId: string }) {
  const [state, send] = useReducer(reducer, initial, (i) =>
    reducer({} as EditorState, { type: 'load', ...i }),
  );
  const dispatch = useCallback((edit: Edit) => send({ type: 'edit', edit }), []);
  const load = useCallback(
    (form: Form, revision: number, profileId: string) => send({ type: 'load', form, revision, profileId }),
    [],
  );
  const replace = useCallback((form: Form) => send({ type: 'replace', form }), []);
  const setProfile = useCallback((profileId: string) => send({ type: 'profile', profileId }), []);
  const saved = useCallback(
    (sent: Form, form: Form, revision: number, profileId: string) =>
      send({ type: 'saved', sent, form, revision, profileId }),
    [],
  );
  const dirty = state.form !== state.base || state.profileId !== state.baseProfileId;
  return { state, dirty, dispatch, load, replace, setProfile, saved };
}
