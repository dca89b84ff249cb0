import type { AppContext } from '../server/app-context';

declare module 'react-router' {
  interface AppLoadContext {
    app: AppContext;
  }
}
