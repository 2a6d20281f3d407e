import { addNote, createGuest, createTag, getGuest, getGuestTimeline, listGuests, listNotes, listTags, updateGuest } from './crm';
import { grantPromotion, listPromotions, redeemPromotion } from './promotions';
import { addPoints, getPoints, getTier, redeemPoints } from './loyalty';
import { getWallet, issueWalletLink, redeemWalletReward } from './wallet';
import { getDeliveryStatus, sendEmail } from './communication';
import { listLiveGuests, listLocations, listPortals, listSessions } from './wifi';
import { getAnalyticsOverview, getGuestAnalytics, getPromotionAnalytics } from './analytics';

export * from './crm';
export * from './promotions';
export * from './loyalty';
export * from './wallet';
export * from './communication';
export * from './wifi';
export * from './analytics';

/** Every Nectifi Global API V1 operation, keyed by its `key`. */
export const nectifiOperations = {
  listGuests,
  createGuest,
  getGuest,
  updateGuest,
  getGuestTimeline,
  listTags,
  createTag,
  listNotes,
  addNote,
  listPromotions,
  grantPromotion,
  redeemPromotion,
  getPoints,
  getTier,
  addPoints,
  redeemPoints,
  getWallet,
  issueWalletLink,
  redeemWalletReward,
  sendEmail,
  getDeliveryStatus,
  listLocations,
  listPortals,
  listSessions,
  listLiveGuests,
  getAnalyticsOverview,
  getGuestAnalytics,
  getPromotionAnalytics,
} as const;

export type NectifiOperationKey = keyof typeof nectifiOperations;
export * from './upserts';
