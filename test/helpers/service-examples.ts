import type { BookingFormValues } from '../../src/shared/domain/booking'

const dg = { unNumber: '3295', containerId: '1236', weightInGrams: 500000, commodity: 'HYDROKARBONER, FLYTENDE, N.O.S.', packingGroup: 'III', dangerClass: '', safetyMarkCode: '3', tunnelRestrictionCode: '(D/E)' }

/** The form each of Bring's booking examples (test/fixtures/bring/booking-examples/vas) implies (on top of a domestic booking), and example values that are placeholders. */
export const exampleForms: Record<string, { values: Partial<BookingFormValues> & Record<string, unknown>; placeholders?: string[] }> = {
  '0003': { values: { serviceDetails: { limitedQuantitiesGrossWeightG: 200 } } },
  '0039': { values: { serviceDetails: { deliveryIndoorMessage: 'Legg pakken i garasje' } } },
  '0041': { values: { serviceDetails: { unattendedDeliveryMessage: 'Leave the package in the garage' } } },
  '1163': { values: { serviceDetails: { desktopDeliveryMessage: 'Deliver it to my office on the 17th floor' } } },
  '1000': {
    values: { cashOnDelivery: { amount: 1000, currencyCode: 'NOK', accountNumber: '12345678903', kid: '123456789' } },
    // Bring's example shows what the field is for ("A valid customer identification number"), not a KID.
    placeholders: ['0.codMessage.value']
  },
  '1095': { values: { serviceDetails: { notificationEmail: 'thirdparty@notify.no', notificationMobile: '99999777' } } },
  // 500 kg of dangerous goods (Bring's example) in a pallet that weighs more.
  '1245': { values: { productId: '5100', packages: [{ weightInKg: 600, lengthInCm: 120, widthInCm: 80, heightInCm: 100 }], serviceDetails: { dangerousGoods: [dg] } } },
  '1123': { values: { serviceDetails: { itemCount: 1 } } },
  '1124': { values: { serviceDetails: { itemCount: 1 } } },
  '1125': { values: { serviceDetails: { itemCount: 1 } } },
  '1127': { values: { serviceDetails: { itemCount: 1 } } },
  '1128': { values: { serviceDetails: { itemCount: 1 } } },
  '1139': { values: { serviceDetails: { itemCount: 1 } } },
  '1141': { values: { serviceDetails: { itemCount: 1 } } },
  '1380': { values: { serviceDetails: { installationDetails: [{ numberOfItems: 2, code: 'AABBCC' }, { numberOfItems: 1, code: 'CCBBAA' }] } } },
  SELECT_PICKUP_POINT: { values: { pickupPointId: '736431' } },
  // "NO/SE/DK/FI": the recipient's country, one of them.
  SELECT_PICKUP_POINT_NORDICS: { values: { pickupPointId: '736431' }, placeholders: ['countryCode'] },
  DELIVERY_DATE: { values: { productId: '3050', serviceDetails: { deliveryDateTime: '2022-01-10T15:52:12' } } },
  PREFERRED_DELIVERY_DAY: { values: { productId: '5600', serviceDetails: { deliveryDateTime: '2022-04-07T11:10:00' } } },
  ...Object.fromEntries(
    ['0015', '0068', '1062', '1073', '1081', '1082', '1083', '1094', '1122', '1133', '1134', '1140', '1142', '1149', '1171', '1178', '1179', '1280', '1283', '1288', '1334', '1342', '1362', '1371', '1377', '1378', '1385', '2000', '2012', '2082', '2086', '2141', '2221', 'EVARSLING', 'OX_EXPRESS'].map((id) => [id, { values: {} }])
  )
}

