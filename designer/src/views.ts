// The seam for personal views stored per user on the server (a later step of issue 12). Until that route exists the
// list keeps unsaved view changes in the page's URL, and saving reports that it is not available yet.
export interface ViewState { search: string; sort: string; columns: string[]; filters: Record<string, unknown> }

export const personalViews = {
  async save(_tenant: string, _entity: string, _state: ViewState): Promise<void> {
    void _tenant; void _entity; void _state;
    throw new Error('Personal views are not stored on the server yet.');
  },
};
