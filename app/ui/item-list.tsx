import type { ReactNode } from 'react';

interface ItemListProps<T> {
  className: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  children: (item: T) => ReactNode;
  /** An `<ol>`: the order means something (a timeline). */
  ordered?: boolean;
  itemClassName?: string;
  /** Marks each `<li>` with `data-record` (its key), so a case section can find and focus a saved record. */
  markRecords?: boolean;
}

/** A list of cards or rows: one `<li>` per item, keyed by `itemKey`, drawn by `children`. */
export function ItemList<T>({
  className,
  items,
  itemKey,
  children,
  ordered = false,
  itemClassName,
  markRecords = false,
}: ItemListProps<T>) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={className}>
      {items.map((item) => (
        <li key={itemKey(item)} className={itemClassName} data-record={markRecords ? itemKey(item) : undefined}>
          {children(item)}
        </li>
      ))}
    </List>
  );
}

/** The records of a case section: a short "none yet" while empty, then one `<li>` per record. */
export function RecordList<T extends { id: string }>({
  empty,
  className = 'record-list',
  ...list
}: Omit<ItemListProps<T>, 'itemKey' | 'className'> & { empty: string; className?: string }) {
  return (
    <>
      {list.items.length === 0 ? <p>{empty}</p> : null}
      <ItemList className={className} itemKey={(item) => item.id} markRecords {...list} />
    </>
  );
}
