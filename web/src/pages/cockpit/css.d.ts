// Vite bundles imported style sheets; this tells the type checker that such imports exist.
declare module '*.css';
