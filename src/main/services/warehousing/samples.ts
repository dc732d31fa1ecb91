/**
 * Sample Bring Warehousing messages for the simulated sender, the e2e test and the bench: a GS1 3.3
 * despatch advice (XML) and its JSON form, with the order, tracking number and instance id given.
 */
export function sampleDespatchAdvice(o: { instanceId: string; orderNumber: string; trackingNumber: string; name?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<despatch_advice:despatchAdviceMessage xmlns:despatch_advice="urn:gs1:ecom:despatch_advice:xsd:3" xmlns:sh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
  <sh:StandardBusinessDocumentHeader>
    <sh:HeaderVersion>1.0</sh:HeaderVersion>
    <sh:DocumentIdentification><sh:Standard>GS1</sh:Standard><sh:TypeVersion>3.3</sh:TypeVersion><sh:InstanceIdentifier>${o.instanceId}</sh:InstanceIdentifier><sh:Type>Despatch Advice</sh:Type><sh:CreationDateAndTime>${new Date().toISOString()}</sh:CreationDateAndTime></sh:DocumentIdentification>
  </sh:StandardBusinessDocumentHeader>
  <despatchAdvice>
    <creationDateTime>${new Date().toISOString()}</creationDateTime>
    <despatchAdviceIdentification><entityIdentification>DA-${o.orderNumber}</entityIdentification></despatchAdviceIdentification>
    <shipTo><address><name>${o.name ?? 'Kari Mottaker'}</name><streetAddressOne>Bryggen 1</streetAddressOne><postalCode>5003</postalCode><city>BERGEN</city><countryCode>NO</countryCode></address></shipTo>
    <purchaseOrder><entityIdentification>${o.orderNumber}</entityIdentification></purchaseOrder>
    <despatchAdviceTransportInformation><transportReference><entityIdentification>${o.trackingNumber}</entityIdentification><transportReferenceTypeCode>SRN</transportReferenceTypeCode></transportReference></despatchAdviceTransportInformation>
    <despatchAdviceLogisticUnit>
      <despatchAdviceLineItem><lineItemNumber>1</lineItemNumber><despatchedQuantity measurementUnitCode="EA">2</despatchedQuantity><transactionalTradeItem><gtin>07012345000011</gtin><additionalTradeItemIdentification additionalTradeItemIdentificationTypeCode="SUPPLIER_ASSIGNED">TEA-GREEN-100</additionalTradeItemIdentification><tradeItemDescription>Green tea 100 g</tradeItemDescription></transactionalTradeItem></despatchAdviceLineItem>
    </despatchAdviceLogisticUnit>
  </despatchAdvice>
</despatch_advice:despatchAdviceMessage>`
}

export function sampleInventoryJson(instanceId: string): string {
  return JSON.stringify({
    inventoryReportMessage: {
      StandardBusinessDocumentHeader: { DocumentIdentification: { InstanceIdentifier: instanceId, CreationDateAndTime: new Date().toISOString() } },
      inventoryReport: {
        inventoryReportTypeCode: 'INVENTORY_STATUS',
        inventoryReportIdentification: { entityIdentification: `IR-${instanceId}` },
        inventoryItemLocationInformation: [
          { transactionalTradeItem: { additionalTradeItemIdentification: 'TEA-GREEN-100' }, inventoryStatusLineItem: { inventoryStatusQuantitySpecification: { quantityOfUnits: '118' } } },
          { transactionalTradeItem: { additionalTradeItemIdentification: 'CUP-WHITE' }, inventoryStatusLineItem: { inventoryStatusQuantitySpecification: { quantityOfUnits: '34' } } }
        ]
      }
    }
  })
}
