/** Stub of the supervision tab (issue #11): 整改通知 — the enterprise's own orders, and every order for the inspectors (A); replaced by its owner. */
export function OrdersTab() {
  return null;
}
