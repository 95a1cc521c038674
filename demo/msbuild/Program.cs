System.Console.WriteLine("Checkout service");
