import { cannotRead, isOutOfMemory, openInput, outOfMemory } from '../stream/input';
import { readPieces, type Piece, type PieceOptions } from '../stream/pieces';
import { OutputClosed } from './output';

/**
 * Reads one input piece by piece (whole interchanges; one piece for any file under 160 M characters) and
 * hands each to `use`. Returns undefined, or the one line that says why the file could not be read:
 * missing, not a regular file, or too big for memory (an allocation failure is never a stack trace).
 */
export function eachPiece(path: string, use: (piece: Piece) => void, options: PieceOptions = {}): string | undefined {
  const input = openInput(path);
  if ('problem' in input) return input.problem;
  let problem: string | undefined;
  try {
    for (const piece of readPieces(input.fd, { ...options, onProblem: (m) => (problem = `${path}: ${m}`) })) use(piece);
  } catch (e) {
    if (e instanceof OutputClosed) throw e;
    if (isOutOfMemory(e)) return outOfMemory(path);
    if ((e as NodeJS.ErrnoException).code) return cannotRead(path, e);
    throw e;
  } finally {
    input.close();
  }
  return problem;
}

/** The one line for a file in which no segment could be read: the same words for every command. */
export function notX12(path: string): string {
  return `${path}: not an X12 file (no segment could be read; an 835 starts with ISA)`;
}
