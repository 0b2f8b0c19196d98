// Dev-mode entry of the HTML JSX runtime (same behaviour, see jsx-runtime.ts).
export * from './jsx-runtime';
