import { walk835Files } from './walk';

/**
 * The 835 files under a workspace folder, sorted: the same definition as the command line's walk
 * (x12Names.ts), each real file once however many links lead to it.
 */
export async function find835Files(root: string, isCancelled: () => boolean = () => false): Promise<string[]> {
  const r = await walk835Files([root], { isCancelled });
  return r.files.sort();
}
