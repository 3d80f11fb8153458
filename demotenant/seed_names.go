package demotenant

// The word lists the seeded people are drawn from. They are fixed so that a
// scenario always produces the same tenant.

var seedGivenNames = []string{
	"Adele", "Alex", "Allan", "Amara", "Ana", "Anders", "Angela", "Ben",
	"Bianca", "Carlos", "Chen", "Chloe", "Christie", "Daniel", "Diego", "Elena",
	"Emily", "Enrico", "Fatima", "Felix", "Grace", "Hana", "Henrietta", "Hiro",
	"Ines", "Isaiah", "Jakob", "Johanna", "Joni", "Jordan", "Kenji", "Lara",
	"Lee", "Lidia", "Lucas", "Lynne", "Maja", "Mateo", "Miriam", "Nestor",
	"Nia", "Noah", "Olga", "Omar", "Patti", "Pradeep", "Priya", "Rafael",
	"Rosa", "Sam", "Sanjay", "Sara", "Sofia", "Tomas", "Valentina", "Wei",
	"Yara", "Yusuf", "Zoe", "Zsofia",
}

var seedSurnames = []string{
	"Abbott", "Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Bianchi",
	"Brooks", "Chowdhury", "Costa", "Dubois", "Eriksson", "Fernandes", "Fischer",
	"Garcia", "Gomez", "Haddad", "Hansen", "Hughes", "Ivanova", "Jansen",
	"Kapoor", "Kim", "Kowalski", "Larsen", "Lopez", "Mbeki", "Moreau", "Murphy",
	"Nakamura", "Novak", "Nowak", "Okafor", "Olsen", "Patel", "Petrov", "Quinn",
	"Rossi", "Sato", "Schmidt", "Silva", "Singh", "Sorensen", "Tanaka", "Taylor",
	"Thompson", "Usman", "Varga", "Wagner", "Wang", "Weber", "Wilson", "Yilmaz",
	"Zhang", "Zielinski", "Zimmermann",
}

// seedDepartment is a department with the job titles its people hold.
type seedDepartment struct {
	Name   string
	Titles []string
}

var seedDepartments = []seedDepartment{
	{"Sales", []string{"Account Executive", "Sales Manager", "Sales Development Representative", "Regional Sales Director"}},
	{"Marketing", []string{"Marketing Specialist", "Content Strategist", "Product Marketing Manager", "Brand Designer"}},
	{"Engineering", []string{"Software Engineer", "Senior Software Engineer", "Engineering Manager", "Site Reliability Engineer", "QA Engineer"}},
	{"Finance", []string{"Accountant", "Financial Analyst", "Controller", "Payroll Specialist"}},
	{"Human Resources", []string{"HR Generalist", "Recruiter", "People Partner"}},
	{"IT", []string{"IT Support Specialist", "Systems Administrator", "Security Analyst", "IT Manager"}},
	{"Operations", []string{"Operations Coordinator", "Logistics Planner", "Facilities Manager"}},
	{"Legal", []string{"Legal Counsel", "Paralegal", "Compliance Officer"}},
	{"Customer Success", []string{"Customer Success Manager", "Support Engineer", "Onboarding Specialist"}},
}

// seedLocation is where a person works: usage location (ISO country code),
// country, city and office.
type seedLocation struct {
	UsageLocation string
	Country       string
	City          string
	Office        string
}

// The empty usage locations are deliberate: assigning a license to such a
// user fails, as it does in a real tenant.
var seedLocations = []seedLocation{
	{"US", "United States", "Seattle", "SEA-1"},
	{"US", "United States", "New York", "NYC-3"},
	{"GB", "United Kingdom", "London", "LON-2"},
	{"DE", "Germany", "Berlin", "BER-1"},
	{"FR", "France", "Paris", "PAR-4"},
	{"NL", "Netherlands", "Amsterdam", "AMS-1"},
	{"CA", "Canada", "Toronto", "TOR-2"},
	{"AU", "Australia", "Sydney", "SYD-1"},
	{"IN", "India", "Bengaluru", "BLR-5"},
	{"", "United States", "Remote", ""},
	{"JP", "Japan", "Tokyo", "TYO-1"},
	{"", "", "", ""},
}
