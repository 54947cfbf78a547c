import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Strings, zh } from './strings.ts';
import { en } from './strings-en.ts';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'jixiao.lang';

type LangState = { lang: Lang; t: Strings; toggle: () => void };

const LangContext = createContext<LangState>({ lang: 'zh', t: zh, toggle: () => {} });

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggle = useCallback(() => {
    setLang((l) => {
      const next = l === 'zh' ? 'en' : 'zh';
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      return next;
    });
  }, []);
  const value = useMemo(() => ({ lang, t: lang === 'zh' ? zh : en, toggle }), [lang, toggle]);
  return <LangContext value={value}>{children}</LangContext>;
}

/** The UI strings in the chosen language. */
export function useT(): Strings {
  return useContext(LangContext).t;
}

export function useLang(): LangState {
  return useContext(LangContext);
}
