package demotenant

// The service plans of the seeded license products, every one, with the
// IDs and names (servicePlanId, servicePlanName) that Microsoft's table
// "Product names and service plan identifiers for licensing" lists for the
// product (learn.microsoft.com/entra/identity/users/licensing-service-plan-reference,
// the revision of October 29, 2025), in the table's order. Graph's
// subscribedSkus and licenseDetails answer with all of a product's plans,
// so a client sees dozens of them for one license.

var e3ServicePlans = []servicePlan{
	{"dcf9d2f4-772e-4434-b757-77a453cfbc02", "MESH_AVATARS_FOR_TEAMS"},
	{"3efbd4ed-8958-4824-8389-1321f8730af8", "MESH_AVATARS_ADDITIONAL_FOR_TEAMS"},
	{"bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "RMS_S_ENTERPRISE"},
	{"0d0c0d31-fae7-41f2-b909-eaf4d7f26dba", "Bing_Chat_Enterprise"},
	{"95b76021-6a53-4741-ab8b-1d1f3d66a95a", "CDS_O365_P2"},
	{"efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE"},
	{"f0ff6ac6-297d-49cd-be34-6dfef97f0c28", "MESH_IMMERSIVE_FOR_TEAMS"},
	{"2b815d45-56e4-4e3a-b65c-66cb9175b560", "ContentExplorer_Standard"},
	{"5136a095-5cf0-4aff-bec3-e84448b38ea5", "MIP_S_CLP1"},
	{"33c4f319-9bdd-48d6-9c4d-410b750a4a5a", "MYANALYTICS_P2"},
	{"43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION"},
	{"6f23d6a9-adbf-481c-8538-b4c095654487", "M365_LIGHTHOUSE_CUSTOMER_PLAN1"},
	{"199a5c09-e0ca-4e37-8f7c-b05d533e1ea2", "MICROSOFTBOOKINGS"},
	{"2789c901-c14e-48ab-a76a-be334d9d793a", "FORMS_PLAN_E3"},
	{"aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1", "KAIZALA_O365_P3"},
	{"b737dad2-2f6c-4c65-90e3-ca563267e8b9", "PROJECTWORKMANAGEMENT"},
	{"94065c59-bc8e-4e8b-89e5-5138d471eaff", "MICROSOFT_SEARCH"},
	{"8c7d2df8-86f0-4902-b2ed-a0458298f3b3", "Deskless"},
	{"9e700747-8b1d-45e5-ab8d-ef187ceec156", "STREAM_O365_E3"},
	{"57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"},
	{"882e1d05-acd1-4ccb-8708-6ee03664b117", "INTUNE_O365"},
	{"db4d623d-b514-490b-b7ef-8885eee514de", "Nucleus"},
	{"e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SHAREPOINTWAC"},
	{"31b4e2fc-4cd6-4e7d-9c1b-41407303bd66", "PROJECT_O365_P2"},
	{"5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE"},
	{"0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD"},
	{"a23b959c-7ce8-4e57-9140-b90eb88a9e97", "SWAY"},
	{"c87f142c-d1e9-4363-8630-aaea9c4d9ae5", "BPOS_S_TODO_2"},
	{"a82fbf69-b4d7-49f4-83a6-915b2cf354f4", "VIVAENGAGE_CORE"},
	{"b76fb638-6ba6-402a-b9f9-83d28acb3d86", "VIVA_LEARNING_SEEDED"},
	{"94a54592-cd8b-425e-87c6-97868b000b91", "WHITEBOARD_PLAN2"},
	{"7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE"},
	{"4ff01e01-1ba7-4d71-8cf8-ce96c3bbcf14", "DYN365_CDS_O365_P2"},
	{"c68f8d98-5534-41c8-bf36-22fa496fa792", "POWERAPPS_O365_P2"},
	{"76846ad7-7776-4c40-a281-a386362dd1b9", "FLOW_O365_P2"},
	{"041fe683-03e4-45b6-b1af-c0cdc516daee", "POWER_VIRTUAL_AGENTS_O365_P2"},
}

var emsServicePlans = []servicePlan{
	{"41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM"},
	{"6c57d4b6-3b23-47a5-9bc9-69f17b4947b3", "RMS_S_PREMIUM"},
	{"932ad362-64a8-4783-9106-97849a1a30b9", "ADALLOM_S_DISCOVERY"},
	{"113feb6c-3fe4-4440-bddc-54d774bf0318", "EXCHANGE_S_FOUNDATION"},
	{"bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "RMS_S_ENTERPRISE"},
	{"8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM"},
	{"c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A"},
}

// pbiServicePlans are Power BI Pro's plans, as Microsoft's licensing table
// lists them.
var pbiServicePlans = []servicePlan{
	{"113feb6c-3fe4-4440-bddc-54d774bf0318", "EXCHANGE_S_FOUNDATION"},
	{"70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2"},
}
