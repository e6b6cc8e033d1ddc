import { NO_FILE_ACCESS, type FileAccess } from "../../files/fileAccess";

let current: FileAccess = NO_FILE_ACCESS;

/**
 * The files the runs from now on may reach (the worker installs its bridge for each request, the
 * CLI's in-process runs a reader of the disk); returns the access it replaces. Runs started by a
 * gradient check or training re-run the program many times: they share what the request installed.
 */
export function useFileAccess(access: FileAccess): FileAccess {
  const previous = current;
  current = access;
  return previous;
}

/** The file access a run made now gets. */
export function currentFileAccess(): FileAccess {
  return current;
}

/** Runs `f` with `access` installed, then puts the previous one back. */
export function withFileAccess<T>(access: FileAccess, f: () => T): T {
  const previous = useFileAccess(access);
  try {
    return f();
  } finally {
    useFileAccess(previous);
  }
}
