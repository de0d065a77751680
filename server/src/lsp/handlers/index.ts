import type { Handler } from '../context';
import { hoverHandler } from './hover';

/** Every LSP feature the server offers; each file announces its capabilities and registers itself. */
export const HANDLERS: readonly Handler[] = [
  hoverHandler,
];
